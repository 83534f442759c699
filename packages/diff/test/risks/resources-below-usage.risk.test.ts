import { resourcesBelowUsage } from "../../src/risks/resources-below-usage.risk.ts";
import { deployment, rendered, replace } from "../fixtures.ts";
import { riskTable } from "./risk-table.ts";

const lowerRequests = { cpu: "50m", memory: "64Mi" };
const HINTS = { "prod-us-west-2": { "shop/web/server": { cpu: "80m", memory: "100Mi" } }, dev: { "shop/web/server": { memory: "300Mi" } } };

riskTable(resourcesBelowUsage, [
  { name: "requests raised in prod", head: (base) => replace(base, rendered("prod-us-west-2", deployment("web", { requests: { cpu: "200m", memory: "256Mi" } }))), flags: [] },
  { name: "requests lowered in staging, no hints", head: (base) => replace(base, rendered("staging", deployment("web", { requests: lowerRequests }))), flags: [] },
  {
    name: "requests lowered in prod, no hints",
    head: (base) => replace(base, rendered("prod-us-west-2", deployment("web", { requests: lowerRequests }))),
    flags: [
      "prod-us-west-2 Deployment/shop/web: container server: requests.cpu lowered from 100m to 50m in production (no usage hint)",
      "prod-us-west-2 Deployment/shop/web: container server: requests.memory lowered from 128Mi to 64Mi in production (no usage hint)",
    ],
  },
  { name: "limits lowered in prod, no hints", head: (base) => replace(base, rendered("prod-us-west-2", deployment("web", { limits: { cpu: "400m", memory: "200Mi" } }))), flags: [] },
  {
    name: "requests lowered in prod, with hints: only below the observed usage",
    head: (base) => replace(base, rendered("prod-us-west-2", deployment("web", { requests: { cpu: "90m", memory: "64Mi" } }))),
    options: { usageHints: HINTS },
    flags: ["prod-us-west-2 Deployment/shop/web: container server: requests.memory lowered from 128Mi to 64Mi, below the observed usage 100Mi"],
  },
  {
    name: "a limit lowered below the observed usage, in dev",
    head: (base) => replace(base, rendered("dev", deployment("web", { limits: { cpu: "500m", memory: "200Mi" } }))),
    options: { usageHints: HINTS },
    flags: ["dev Deployment/shop/web: container server: limits.memory lowered from 256Mi to 200Mi, below the observed usage 300Mi"],
  },
  {
    name: "a hint without cpu: cpu falls back to the prod rule",
    head: (base) => replace(base, rendered("prod-us-east-1", deployment("web", { requests: { cpu: "50m", memory: "128Mi" } }))),
    options: { usageHints: { "prod-us-east-1": { "shop/web/server": { memory: "100Mi" } } } },
    flags: ["prod-us-east-1 Deployment/shop/web: container server: requests.cpu lowered from 100m to 50m in production (no usage hint)"],
  },
]);
