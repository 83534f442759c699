import { drOnlyChange } from "../../src/risks/dr-only-change.risk.ts";
import { deployment, hpa, rendered, replace } from "../fixtures.ts";
import { riskTable } from "./risk-table.ts";

riskTable(drOnlyChange, [
  { name: "no change", head: (base) => base, flags: [] },
  { name: "primary and DR change together", head: (base) => replace(base, rendered("prod-us-west-2", hpa("web", 4)), rendered("prod-us-east-1", hpa("web", 4))), flags: [] },
  { name: "the primary alone", head: (base) => replace(base, rendered("prod-us-west-2", hpa("web", 4))), flags: [] },
  {
    name: "the DR cluster alone",
    head: (base) => replace(base, rendered("prod-us-east-1", hpa("web", 4))),
    flags: ["prod-us-east-1: the DR cluster changes while its primary prod-us-west-2 does not"],
  },
  {
    name: "the DR cluster and staging, not the primary",
    head: (base) => replace(base, rendered("staging", deployment("web", { replicas: 1 })), rendered("prod-us-east-1", deployment("web", { replicas: 1 }))),
    flags: ["prod-us-east-1: the DR cluster changes while its primary prod-us-west-2 does not"],
  },
]);
