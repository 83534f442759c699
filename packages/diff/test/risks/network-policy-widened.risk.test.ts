import { networkPolicyWidened } from "../../src/risks/network-policy-widened.risk.ts";
import { deployment, networkPolicy, rendered, replace, without , manifest } from "../fixtures.ts";
import { riskTable } from "./risk-table.ts";

const WEB = "NetworkPolicy/shop/web";

riskTable(networkPolicyWidened, [
  { name: "unchanged", head: (base) => base, flags: [] },
  {
    name: "a new caller (new ingress peer)",
    head: (base) => replace(base, rendered("prod-us-west-2", networkPolicy("web", [{ from: ["checkout"], ports: [8080] }, { from: ["cart"], ports: [8080] }]))),
    flags: [`prod-us-west-2 ${WEB}: new ingress peers: pods app.kubernetes.io/name=cart`],
  },
  {
    name: "a new port",
    head: (base) => replace(base, rendered("dev", networkPolicy("web", [{ from: ["checkout"], ports: [8080, 9090] }]))),
    flags: [`dev ${WEB}: new ingress ports: 9090/TCP`],
  },
  {
    name: "a rule open to any peer and any port",
    head: (base) => replace(base, rendered("dev", networkPolicy("web", [{ from: ["checkout"], ports: [8080] }, {}]))),
    flags: [`dev ${WEB}: an ingress rule allows any peer; an ingress rule allows any port`],
  },
  {
    name: "no longer isolates ingress",
    head: (base) => replace(base, rendered("dev", networkPolicy("web", [{ from: ["checkout"], ports: [8080] }], ["Egress"]))),
    flags: [`dev ${WEB}: no longer isolates ingress`],
  },
  { name: "a caller removed (narrower)", head: (base) => replace(base, rendered("dev", networkPolicy("web", []))), flags: [] },
  { name: "the service's policy deleted while the default deny remains", head: (base) => without(base, "dev", "NetworkPolicy", "web"), flags: [] },
  {
    name: "the default deny deleted",
    head: (base) => without(base, "dev", "NetworkPolicy", "default-deny"),
    flags: ["dev NetworkPolicy/shop/default-deny: deleted: the pods it selected are no longer isolated (Egress, Ingress)"],
  },
  {
    name: "the only policy of its pods deleted",
    base: [rendered("dev", networkPolicy("web", [{ from: ["checkout"] }]))],
    head: () => [],
    flags: [`dev ${WEB}: deleted: the pods it selected are no longer isolated (Ingress)`],
  },
  {
    name: "new peers and ports: one flag",
    head: (base) => replace(base, rendered("dev", networkPolicy("web", [{ from: ["checkout", "cart"], ports: [8080, 9090] }]))),
    flags: [`dev ${WEB}: new ingress peers: pods app.kubernetes.io/name=cart; new ingress ports: 9090/TCP`],
  },
  { name: "a new service's own policy", head: (base) => [...base, rendered("dev", deployment("api")), rendered("dev", networkPolicy("api", [{ from: ["web"] }]))], flags: [] },
  {
    name: "a new policy for pods that already run",
    base: [rendered("dev", deployment("api"))],
    head: (base) => [...base, rendered("dev", networkPolicy("api", [{ from: ["web"], ports: [8080] }]))],
    flags: ["dev NetworkPolicy/shop/api: new ingress peers: pods app.kubernetes.io/name=web; new ingress ports: 8080/TCP"],
  },
  {
    name: "a new tenant's policies (its namespace is new too): reviewed with the tenant",
    base: [],
    head: () => [rendered("dev", manifest("v1", "Namespace", "shop", {}, undefined)), rendered("dev", networkPolicy("web", [{ from: ["checkout"], ports: [8080] }]))],
    flags: [],
  },
]);
