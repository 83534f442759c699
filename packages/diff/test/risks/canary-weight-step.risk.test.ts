import { canaryWeightStep } from "../../src/risks/canary-weight-step.risk.ts";
import { rendered, replace, virtualService } from "../fixtures.ts";
import { riskTable } from "./risk-table.ts";

const VS = "VirtualService/shop/web";

riskTable(canaryWeightStep, [
  { name: "a step of 25 (the default limit)", head: (base) => replace(base, rendered("prod-us-west-2", virtualService("web", { v1: 65, v2: 35 }))), flags: [] },
  {
    name: "a step of 40",
    head: (base) => replace(base, rendered("prod-us-west-2", virtualService("web", { v1: 50, v2: 50 }))),
    flags: [`prod-us-west-2 ${VS}: route default: v1 weight 90 → 50 (a step of 40 > 25)`, `prod-us-west-2 ${VS}: route default: v2 weight 10 → 50 (a step of 40 > 25)`],
  },
  { name: "a step of 40 with --max-weight-step 50", head: (base) => replace(base, rendered("dev", virtualService("web", { v1: 50, v2: 50 }))), options: { maxWeightStep: 50 }, flags: [] },
  {
    name: "a step of 20 with --max-weight-step 10",
    head: (base) => replace(base, rendered("dev", virtualService("web", { v1: 70, v2: 30 }))),
    options: { maxWeightStep: 10 },
    flags: [`dev ${VS}: route default: v1 weight 90 → 70 (a step of 20 > 10)`, `dev ${VS}: route default: v2 weight 10 → 30 (a step of 20 > 10)`],
  },
  {
    name: "a new version taking 30 at once",
    head: (base) => replace(base, rendered("staging", virtualService("web", { v1: 60, v2: 10, v3: 30 }))),
    flags: [`staging ${VS}: route default: v1 weight 90 → 60 (a step of 30 > 25)`, `staging ${VS}: route default: v3 weight 0 → 30 (a step of 30 > 25)`],
  },
  {
    name: "blue-green flip",
    base: [rendered("dev", virtualService("web", { blue: 100, green: 0 }))],
    head: () => [rendered("dev", virtualService("web", { blue: 0, green: 100 }))],
    flags: [`dev ${VS}: route default: blue weight 100 → 0 (a step of 100 > 25)`, `dev ${VS}: route default: green weight 0 → 100 (a step of 100 > 25)`],
  },
  { name: "a new service's routes", base: [], head: () => [rendered("dev", virtualService("web", { v1: 100 }))], flags: [] },
]);
