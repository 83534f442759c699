import { virtualServiceGatewayNotFound } from "../../../../src/rules/analysis/virtual-service/virtual-service-gateway-not-found.rule.ts";
import { virtualService } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const gateway = { apiVersion: "networking.istio.io/v1beta1", kind: "Gateway", metadata: { name: "public", namespace: "istio-ingress" }, spec: { selector: { istio: "ingressgateway" }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*"] }] } };
const bound = (...gateways: string[]) => virtualService((v) => { v.spec.gateways = gateways; v.spec.hosts = ["shop.example.com"]; });

ruleTable(virtualServiceGatewayNotFound, {
  valid: [
    { name: "mesh", manifests: [bound("mesh")] },
    { name: "a Gateway by namespace/name", manifests: [gateway, bound("istio-ingress/public", "mesh")] },
    { name: "a Gateway by name in the VirtualService's namespace", manifests: [{ ...gateway, metadata: { name: "public", namespace: "shop" } }, bound("public")] },
  ],
  invalid: [
    { name: "a missing Gateway", manifests: [gateway, bound("istio-ingress/private")], errors: ['spec.gateways[0]: Referenced gateway not found: "istio-ingress/private" (IST0101)'] },
    { name: "a name resolved in the wrong namespace", manifests: [gateway, bound("public")], errors: ['spec.gateways[0]: Referenced gateway not found: "public" (IST0101)'] },
    { name: "in a route match", manifests: [gateway, virtualService((v) => { v.spec.gateways = ["istio-ingress/public"]; v.spec.http[0].match = [{ gateways: ["edge"] }]; })], errors: ['spec.http[0].match[0].gateways[0]: Referenced gateway not found: "edge" (IST0101)'] },
  ],
});
