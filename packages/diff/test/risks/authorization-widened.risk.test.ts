import { authorizationWidened } from "../../src/risks/authorization-widened.risk.ts";
import { authorizationPolicy, deployment, rendered, replace, without , manifest } from "../fixtures.ts";
import { riskTable } from "./risk-table.ts";

const WEB = "AuthorizationPolicy/shop/web";

riskTable(authorizationWidened, [
  { name: "unchanged", head: (base) => base, flags: [] },
  {
    name: "a new caller (new principal)",
    head: (base) => replace(base, rendered("dev", authorizationPolicy("web", [{ from: ["checkout"], ports: ["8080"] }, { from: ["cart"], ports: ["8080"] }]))),
    flags: [`dev ${WEB}: new principals: cluster.local/ns/shop/sa/cart`],
  },
  {
    name: "a new port",
    head: (base) => replace(base, rendered("dev", authorizationPolicy("web", [{ from: ["checkout"], ports: ["8080", "9090"] }]))),
    flags: [`dev ${WEB}: new ports: 9090`],
  },
  {
    name: "a rule without from",
    head: (base) => replace(base, rendered("dev", authorizationPolicy("web", [{ ports: ["8080"] }]))),
    flags: [`dev ${WEB}: a rule allows any source`],
  },
  {
    name: "a rule that no longer limits operations",
    head: (base) => replace(base, rendered("dev", authorizationPolicy("web", [{ from: ["checkout"] }]))),
    flags: [`dev ${WEB}: calls from cluster.local/ns/shop/sa/checkout are no longer limited to operations`],
  },
  { name: "a caller removed (narrower)", head: (base) => replace(base, rendered("dev", authorizationPolicy("web", [{ from: [], ports: ["8080"] }]))), flags: [] },
  { name: "the service's ALLOW policy deleted (narrower: deny-all remains)", head: (base) => without(base, "dev", "AuthorizationPolicy", "web"), flags: [] },
  {
    name: "the deny-all policy deleted",
    head: (base) => without(base, "staging", "AuthorizationPolicy", "deny-all"),
    flags: ["staging AuthorizationPolicy/shop/deny-all: a deny-all policy is deleted"],
  },
  {
    name: "a DENY rule removed",
    base: [rendered("dev", authorizationPolicy("block", [{ from: ["a"] }, { from: ["b"] }], "DENY"))],
    head: () => [rendered("dev", authorizationPolicy("block", [{ from: ["a"] }], "DENY"))],
    flags: ["dev AuthorizationPolicy/shop/block: 1 deny rule removed"],
  },
  {
    name: "a DENY policy deleted",
    base: [rendered("dev", authorizationPolicy("block", [{ from: ["a"] }], "DENY"))],
    head: () => [],
    flags: ["dev AuthorizationPolicy/shop/block: a DENY policy is deleted: its rules no longer apply"],
  },
  {
    name: "DENY turned into ALLOW",
    base: [rendered("dev", authorizationPolicy("block", [{ from: ["a"] }], "DENY"))],
    head: () => [rendered("dev", authorizationPolicy("block", [{ from: ["a"] }], "ALLOW"))],
    flags: ["dev AuthorizationPolicy/shop/block: action DENY → ALLOW"],
  },
  {
    name: "a new principal and a new port: one flag",
    head: (base) => replace(base, rendered("dev", authorizationPolicy("web", [{ from: ["checkout"], ports: ["8080"] }, { from: ["cart"], ports: ["9090"] }]))),
    flags: [`dev ${WEB}: new principals: cluster.local/ns/shop/sa/cart; new ports: 9090`],
  },
  { name: "a new service's own policy", head: (base) => [...base, rendered("dev", deployment("api")), rendered("dev", authorizationPolicy("api", [{ from: ["web"] }]))], flags: [] },
  {
    name: "a new service's own policy open to any source",
    head: (base) => [...base, rendered("dev", deployment("api")), rendered("dev", authorizationPolicy("api", [{ ports: ["8080"] }]))],
    flags: ["dev AuthorizationPolicy/shop/api: a new policy allows any source"],
  },
  {
    name: "a first caller of pods that already run (their policy is new)",
    base: [rendered("dev", deployment("api"))],
    head: (base) => [...base, rendered("dev", authorizationPolicy("api", [{ from: ["web"], ports: ["8080"] }]))],
    flags: ["dev AuthorizationPolicy/shop/api: new principals: cluster.local/ns/shop/sa/web; new ports: 8080"],
  },
  {
    name: "a new tenant's policies (its namespace is new too): reviewed with the tenant",
    base: [],
    head: () => [rendered("dev", manifest("v1", "Namespace", "shop", {}, undefined)), rendered("dev", authorizationPolicy("web", [{ from: ["checkout"], ports: ["8080"] }]))],
    flags: [],
  },
]);
