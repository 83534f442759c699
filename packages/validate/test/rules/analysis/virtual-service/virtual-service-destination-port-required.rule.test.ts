import { virtualServiceDestinationPortRequired } from "../../../../src/rules/analysis/virtual-service/virtual-service-destination-port-required.rule.ts";
import { deployment, destinationRule, service, virtualService } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const twoPorts = service((s) => { s.spec.ports.push({ name: "grpc", port: 9090, targetPort: 9090 }); });
const serviceEntry = { apiVersion: "networking.istio.io/v1beta1", kind: "ServiceEntry", metadata: { name: "api", namespace: "shop" }, spec: { hosts: ["api.example.com"], ports: [{ number: 80, name: "http", protocol: "HTTP" }, { number: 443, name: "https", protocol: "HTTPS" }], resolution: "DNS" } };
const MESSAGE = 'This VirtualService routes to a service "web.shop.svc.cluster.local" that exposes multiple ports [80 9090]. Specifying a port in the destination is required to disambiguate. (IST0112)';

ruleTable(virtualServiceDestinationPortRequired, {
  valid: [
    { name: "a Service with one port", manifests: [deployment(), service(), destinationRule(), virtualService()] },
    { name: "a port named in the destination", manifests: [deployment(), twoPorts, destinationRule(), virtualService((v) => { v.spec.http[0].route[0].destination.port = { number: 9090 }; })] },
    { name: "a host that is not found is IST0101's", manifests: [virtualService((v) => { v.spec.http[0].route[0].destination.host = "nowhere"; })] },
  ],
  invalid: [
    { name: "a Service with two ports", manifests: [deployment(), twoPorts, destinationRule(), virtualService()], errors: [`spec.http[0].route[0].destination.host: ${MESSAGE}`] },
    {
      name: "a mirror to a ServiceEntry with two ports",
      manifests: [deployment(), service(), destinationRule(), serviceEntry, virtualService((v) => { v.spec.http[0].mirror = { host: "api.example.com" }; })],
      errors: ['spec.http[0].mirror.host: This VirtualService routes to a service "api.example.com" that exposes multiple ports [80 443]. Specifying a port in the destination is required to disambiguate. (IST0112)'],
    },
  ],
});
