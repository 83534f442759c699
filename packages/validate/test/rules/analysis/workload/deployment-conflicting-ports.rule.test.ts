import { deploymentConflictingPorts } from "../../../../src/rules/analysis/workload/deployment-conflicting-ports.rule.ts";
import { deployment, service } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const injected = { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop", labels: { "istio-injection": "enabled" } } };
const svc = (name: string, ports: object[]) => service((s) => { s.metadata.name = name; s.spec = { selector: { app: "web" }, ports }; });

ruleTable(deploymentConflictingPorts, {
  valid: [
    { name: "the same port to the same target port", manifests: [injected, deployment(), svc("a", [{ name: "http", port: 80, targetPort: 8080 }]), svc("b", [{ name: "http", port: 80, targetPort: 8080 }])] },
    { name: "different target ports", manifests: [injected, deployment(), svc("a", [{ name: "http", port: 80, targetPort: 8080 }]), svc("b", [{ name: "http", port: 8080, targetPort: 9090 }])] },
    { name: "a Deployment outside the mesh", manifests: [deployment(), svc("a", [{ name: "http", port: 80, targetPort: 8080 }]), svc("b", [{ name: "http", port: 8080 }])] },
    { name: "a waypoint Deployment", manifests: [injected, deployment((d) => { d.metadata.labels["gateway.istio.io/managed"] = "istio.io-mesh-controller"; }), svc("a", [{ name: "http", port: 80, targetPort: 8080 }]), svc("b", [{ name: "http", port: 8080 }])] },
  ],
  invalid: [
    {
      name: "two ports to one target port (a defaulted target port counts)",
      manifests: [injected, deployment(), svc("a", [{ name: "http", port: 80, targetPort: 8080 }]), svc("b", [{ name: "http", port: 8080 }])],
      errors: ['metadata.name: This deployment web is associated with multiple services [shop/a shop/b] using targetPort "8080" but different ports: [80 8080]. (IST0137)'],
    },
    {
      name: "a named target port",
      manifests: [injected, deployment(), svc("a", [{ name: "http", port: 80, targetPort: "http" }, { name: "http-alt", port: 81, targetPort: "http" }])],
      errors: ['metadata.name: This deployment web is associated with multiple services [shop/a shop/a] using targetPort "http" but different ports: [80 81]. (IST0137)'],
    },
  ],
});
