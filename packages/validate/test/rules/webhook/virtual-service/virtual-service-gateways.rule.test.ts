import { virtualServiceGateways } from "../../../../src/rules/webhook/virtual-service/virtual-service-gateways.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { vs, vsHttp } from "../istio-fixtures.ts";

ruleTable(virtualServiceGateways, {
  valid: [
    { name: "mesh, a name and namespace/name", manifests: [vs((v) => { v.spec.gateways = ["mesh", "public", "istio-ingress/public"]; })] },
    { name: "JWT claim routing on a gateway", manifests: [vs((v) => { v.spec.gateways = ["istio-ingress/public"]; v.spec.http[0].match = [{ headers: { "@request.auth.claims.group": { exact: "admin" } } }]; })] },
    { name: "a legacy FQDN gateway name (istiod only warns)", manifests: [vs((v) => { v.spec.gateways = ["public.istio-ingress.svc.cluster.local"]; })] },
  ],
  invalid: [
    { name: "an invalid namespace", manifests: [vs((v) => { v.spec.gateways = ["Istio_Ingress/public"]; })], errors: ['spec.gateways[0]: invalid value for namespace: "Istio_Ingress"'] },
    { name: "an empty name", manifests: [vs((v) => { v.spec.gateways = ["istio-ingress/"]; })], errors: ["spec.gateways[0]: config namespace and gateway name cannot be empty", 'spec.gateways[0]: invalid value for gateway name: ""'] },
    { name: "an invalid short name", manifests: [vs((v) => { v.spec.gateways = ["my_gateway"]; })], errors: ['spec.gateways[0]: domain name "my_gateway" invalid (label "my_gateway" invalid)'] },
    { name: "in a route match", manifests: [vsHttp((h) => { h.match = [{ gateways: ["a/b/c"] }]; })], errors: ['spec.http[0].match[0].gateways[0]: invalid value for gateway name: "b/c"'] },
    {
      name: "JWT claim routing on the mesh",
      manifests: [vsHttp((h) => { h.match = [{ headers: { "@request.auth.claims[group]": { exact: "admin" } } }]; })],
      errors: ["spec.http[0].match[0].headers[@request.auth.claims[group]]: JWT claim based routing (key: @request.auth.claims[group]) is only supported for gateway, found no gateways: []"],
    },
  ],
});
