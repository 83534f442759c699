import { virtualServiceL4Route } from "../../../../src/rules/webhook/virtual-service/virtual-service-l4-route.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { vs } from "../istio-fixtures.ts";

const tls = (route: object, hosts = ["*.example.com"]) => vs((v) => { v.spec.hosts = hosts; v.spec.gateways = ["istio-ingress/public"]; delete v.spec.http; v.spec.tls = [route]; });
const tcp = (route: object) => vs((v) => { delete v.spec.http; v.spec.tcp = [route]; });
const to = [{ destination: { host: "api.shop.svc.cluster.local" } }];

ruleTable(virtualServiceL4Route, {
  valid: [
    { name: "a TLS route on covered SNI hosts", manifests: [tls({ match: [{ sniHosts: ["api.example.com"], port: 443 }], route: to })] },
    { name: "a TCP route with subnets", manifests: [tcp({ match: [{ destinationSubnets: ["10.0.0.0/8", "192.168.1.1"], port: 5432 }], route: to })] },
    { name: "an SNI IP (istiod only warns)", manifests: [tls({ match: [{ sniHosts: ["10.0.0.1"] }], route: to })] },
  ],
  invalid: [
    { name: "a TLS route without match", manifests: [tls({ route: to })], errors: ["spec.tls[0]: TLS route must have at least one match condition"] },
    { name: "a TLS match without SNI hosts", manifests: [tls({ match: [{ port: 443 }], route: to })], errors: ["spec.tls[0].match[0]: TLS match must have at least one SNI host"] },
    {
      name: "an SNI host outside the hosts",
      manifests: [tls({ match: [{ sniHosts: ["api.other.com"] }], route: to })],
      errors: ['spec.tls[0].match[0].sniHosts[0]: SNI host "api.other.com" is not a compatible subset of any of the virtual service hosts: [*.example.com]'],
    },
    { name: "a TLS route without destinations", manifests: [tls({ match: [{ sniHosts: ["api.example.com"] }] })], errors: ["spec.tls[0]: TLS route is required"] },
    { name: "a TCP route without destinations", manifests: [tcp({ match: [{ port: 5432 }] })], errors: ["spec.tcp[0]: TCP route is required"] },
    { name: "an invalid subnet", manifests: [tcp({ match: [{ destinationSubnets: ["10.0.0.0/33"] }], route: to })], errors: ["spec.tcp[0].match[0].destinationSubnets[0]: 10.0.0.0/33 is not a valid CIDR block"] },
    { name: "an invalid IP", manifests: [tcp({ match: [{ destinationSubnets: ["10.0.0.256"] }], route: to })], errors: ["spec.tcp[0].match[0].destinationSubnets[0]: 10.0.0.256 is not a valid IP"] },
  ],
});
