import { gatewayConflict } from "../../../../src/rules/analysis/gateway/gateway-conflict.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const gateway = (name: string, selector: Record<string, string>, hosts: string[], port = 80, bind?: string) => ({
  apiVersion: "networking.istio.io/v1beta1",
  kind: "Gateway",
  metadata: { name, namespace: "istio-system" },
  spec: { selector, servers: [{ port: { number: port, name: `http-${port}`, protocol: "HTTP" }, hosts, ...(bind === undefined ? {} : { bind }) }] },
});
const ingress = { istio: "ingressgateway" };
const ingressPods = deployment((d) => {
  d.metadata = { name: "istio-ingressgateway", namespace: "istio-system" };
  d.spec.selector.matchLabels = ingress;
  d.spec.template.metadata.labels = { app: "istio-ingressgateway", istio: "ingressgateway" };
});

ruleTable(gatewayConflict, {
  valid: [
    { name: "different hosts on the same port", manifests: [gateway("a", ingress, ["a.example.com"]), gateway("b", ingress, ["b.example.com"])] },
    { name: "the same host on different ports", manifests: [gateway("a", ingress, ["shop.example.com"], 80), gateway("b", ingress, ["shop.example.com"], 8080)] },
    { name: "the same host on different workloads", manifests: [gateway("a", ingress, ["shop.example.com"]), gateway("b", { istio: "internal" }, ["shop.example.com"])] },
    { name: "the same host with different bind addresses", manifests: [gateway("a", ingress, ["shop.example.com"], 80, "10.0.0.1"), gateway("b", ingress, ["shop.example.com"], 80, "10.0.0.2")] },
    { name: "a wildcard and a host it covers are different hosts", manifests: [gateway("a", ingress, ["*.example.com"]), gateway("b", ingress, ["shop.example.com"])] },
    { name: "overlapping selectors with no pod matching both", manifests: [gateway("a", ingress, ["shop.example.com"]), gateway("b", { ...ingress, app: "other" }, ["shop.example.com"])] },
  ],
  invalid: [
    {
      name: "the same selector, port and host",
      manifests: [gateway("a", ingress, ["shop.example.com", "www.example.com"]), gateway("b", ingress, ["shop.example.com"])],
      errors: [
        "spec.servers[0]: Conflict with gateways istio-system/b (workload selector istio=ingressgateway, port 80, hosts shop.example.com,www.example.com). (IST0145)",
        "spec.servers[0]: Conflict with gateways istio-system/a (workload selector istio=ingressgateway, port 80, hosts shop.example.com). (IST0145)",
      ],
    },
    {
      name: "one selector containing the other, with a pod matching both",
      manifests: [ingressPods, gateway("a", ingress, ["shop.example.com"]), gateway("b", { app: "istio-ingressgateway", istio: "ingressgateway" }, ["shop.example.com"])],
      errors: [
        "spec.servers[0]: Conflict with gateways istio-system/b (workload selector istio=ingressgateway, port 80, hosts shop.example.com). (IST0145)",
        "spec.servers[0]: Conflict with gateways istio-system/a (workload selector app=istio-ingressgateway,istio=ingressgateway, port 80, hosts shop.example.com). (IST0145)",
      ],
    },
  ],
});
