import { prodObjectDeleted } from "../../src/risks/prod-object-deleted.risk.ts";
import { baseline, everywhere, rendered, without } from "../fixtures.ts";
import { deployment } from "../fixtures.ts";
import { riskTable } from "./risk-table.ts";

riskTable(prodObjectDeleted, [
  { name: "nothing deleted", head: (base) => base, flags: [] },
  { name: "deleted in dev and staging only", head: (base) => without(without(base, "dev", "HorizontalPodAutoscaler", "web"), "staging", "HorizontalPodAutoscaler", "web"), flags: [] },
  {
    name: "deleted in the prod primary",
    head: (base) => without(base, "prod-us-west-2", "HorizontalPodAutoscaler", "web"),
    flags: ["prod-us-west-2 HorizontalPodAutoscaler/shop/web: deleted from production"],
  },
  {
    name: "deleted everywhere: flagged in each prod environment, primary first",
    head: (base) => base.filter((o) => o.key.kind !== "PodDisruptionBudget"),
    flags: ["prod-us-west-2 PodDisruptionBudget/shop/web: deleted from production", "prod-us-east-1 PodDisruptionBudget/shop/web: deleted from production"],
  },
  {
    name: "an environment no longer declared: one flag for all its objects",
    base: [...baseline(), ...everywhere([deployment("web")], ["prod-eu-west-1"])],
    head: (base) => base.filter((o) => o.key.environment !== "prod-eu-west-1"),
    flags: ["prod-eu-west-1: the environment is no longer declared: all 1 of its objects are deleted"],
  },
  { name: "added in prod", head: (base) => [...base, rendered("prod-us-west-2", deployment("api"))], flags: [] },
]);
