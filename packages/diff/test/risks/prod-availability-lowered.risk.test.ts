import { prodAvailabilityLowered } from "../../src/risks/prod-availability-lowered.risk.ts";
import { deployment, hpa, pdb, rendered, replace } from "../fixtures.ts";
import { riskTable } from "./risk-table.ts";

riskTable(prodAvailabilityLowered, [
  { name: "replicas raised in prod", head: (base) => replace(base, rendered("prod-us-west-2", deployment("web", { replicas: 5 }))), flags: [] },
  { name: "replicas lowered in staging", head: (base) => replace(base, rendered("staging", deployment("web", { replicas: 1 }))), flags: [] },
  {
    name: "replicas lowered in prod",
    head: (base) => replace(base, rendered("prod-us-west-2", deployment("web", { replicas: 2 }))),
    flags: ["prod-us-west-2 Deployment/shop/web: replicas lowered from 3 to 2"],
  },
  {
    name: "HPA minReplicas lowered in the DR cluster",
    head: (base) => replace(base, rendered("prod-us-east-1", hpa("web", 1))),
    flags: ["prod-us-east-1 HorizontalPodAutoscaler/shop/web: minReplicas lowered from 3 to 1"],
  },
  { name: "HPA maxReplicas lowered (not a floor)", head: (base) => replace(base, rendered("prod-us-west-2", hpa("web", 3, 10))), flags: [] },
  {
    name: "PDB maxUnavailable raised",
    head: (base) => replace(base, rendered("prod-us-west-2", pdb("web", { maxUnavailable: 2 }))),
    flags: ["prod-us-west-2 PodDisruptionBudget/shop/web: maxUnavailable raised from 1 to 2"],
  },
  { name: "PDB maxUnavailable lowered", head: (base) => replace(base, rendered("prod-us-west-2", pdb("web", { maxUnavailable: 0 }))), flags: [] },
  {
    name: "PDB minAvailable lowered, as percentages",
    base: [rendered("prod-us-west-2", pdb("web", { minAvailable: "50%" }))],
    head: () => [rendered("prod-us-west-2", pdb("web", { minAvailable: "25%" }))],
    flags: ["prod-us-west-2 PodDisruptionBudget/shop/web: minAvailable lowered from 50% to 25%"],
  },
  {
    name: "PDB maxUnavailable from a count to a percentage: cannot tell",
    head: (base) => replace(base, rendered("prod-us-west-2", pdb("web", { maxUnavailable: "10%" }))),
    flags: ["prod-us-west-2 PodDisruptionBudget/shop/web: maxUnavailable changed from 1 to 10% (cannot tell whether it is safer)"],
  },
  {
    name: "PDB switched from maxUnavailable to minAvailable",
    head: (base) => replace(base, rendered("prod-us-west-2", pdb("web", { minAvailable: 2 }))),
    flags: ["prod-us-west-2 PodDisruptionBudget/shop/web: maxUnavailable 1 replaced by minAvailable 2"],
  },
]);
