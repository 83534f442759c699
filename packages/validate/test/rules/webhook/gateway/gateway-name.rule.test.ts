import { gatewayName } from "../../../../src/rules/webhook/gateway/gateway-name.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { gw } from "../istio-fixtures.ts";

ruleTable(gatewayName, {
  valid: [
    { name: "a DNS label", manifests: [gw()] },
    { name: "a Gateway API Gateway (another group)", manifests: [{ apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", metadata: { name: "public.edge", namespace: "shop" }, spec: { gatewayClassName: "istio", listeners: [{ name: "http", port: 80, protocol: "HTTP" }] } }] },
  ],
  invalid: [{ name: "a dotted name", manifests: [gw((g) => { g.metadata.name = "public.edge"; })], errors: ['metadata.name: invalid gateway name: "public.edge"'] }],
});
