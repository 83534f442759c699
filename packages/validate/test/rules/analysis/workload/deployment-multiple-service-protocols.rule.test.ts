import { deploymentMultipleServiceProtocols } from "../../../../src/rules/analysis/workload/deployment-multiple-service-protocols.rule.ts";
import { deployment, service } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const injected = { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop", labels: { "istio-injection": "enabled" } } };
const svc = (name: string, ports: object[], selector: Record<string, string> = { app: "web" }) => service((s) => { s.metadata.name = name; s.spec = { selector, ports }; });

ruleTable(deploymentMultipleServiceProtocols, {
  valid: [
    { name: "one protocol per port", manifests: [injected, deployment(), svc("a", [{ name: "http", port: 80 }]), svc("b", [{ name: "http", port: 80 }])] },
    { name: "a Deployment outside the mesh (no injection)", manifests: [deployment(), svc("dns-tcp", [{ name: "dns", port: 53 }]), svc("dns-udp", [{ name: "dns", port: 53, protocol: "UDP" }])] },
    { name: "a Deployment opted out by the inject label", manifests: [injected, deployment((d) => { d.spec.template.metadata.labels["sidecar.istio.io/inject"] = "false"; }), svc("dns-tcp", [{ name: "dns", port: 53 }]), svc("dns-udp", [{ name: "dns", port: 53, protocol: "UDP" }])] },
    { name: "Services of other workloads", manifests: [injected, deployment(), svc("dns-tcp", [{ name: "dns", port: 53 }]), svc("dns-udp", [{ name: "dns", port: 53, protocol: "UDP" }], { app: "dns" })] },
  ],
  invalid: [
    {
      name: "TCP and UDP on one port through two Services",
      manifests: [injected, deployment(), svc("dns-udp", [{ name: "dns", port: 53, protocol: "UDP" }]), svc("dns-tcp", [{ name: "dns", port: 53 }])],
      errors: ["metadata.name: This deployment web is associated with multiple services using port 53 but different protocols: [shop/dns-tcp shop/dns-udp] (IST0116)"],
    },
    {
      name: "a pod template labelled for injection in a namespace that is not",
      manifests: [deployment((d) => { d.spec.template.metadata.labels["sidecar.istio.io/inject"] = "true"; }), svc("dns", [{ name: "dns-tcp", port: 53 }, { name: "dns-udp", port: 53, protocol: "UDP" }])],
      errors: ["metadata.name: This deployment web is associated with multiple services using port 53 but different protocols: [shop/dns shop/dns] (IST0116)"],
    },
  ],
});
