import { servicePortProtocol } from "../../../../src/rules/analysis/workload/service-port-protocol.rule.ts";
import { service } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const ports = (...list: object[]) => service((s) => { s.spec.ports = list; });

ruleTable(servicePortProtocol, {
  valid: [
    { name: "protocol names and prefixes", manifests: [ports({ name: "http", port: 80 }, { name: "grpc-api", port: 9090 }, { name: "tcp-redis", port: 6379 }, { name: "grpc-web", port: 8081 }, { name: "HTTPS", port: 443 }, { name: "http_proxy", port: 3128 })] },
    { name: "an appProtocol Istio knows instead of a name", manifests: [ports({ name: "web", port: 80, appProtocol: "http" }, { name: "h2", port: 81, appProtocol: "kubernetes.io/h2c" })] },
    { name: "UDP ports and the well-known ports (SMTP, DNS, MySQL, MongoDB)", manifests: [ports({ name: "dns", port: 53, protocol: "UDP" }, { name: "statsd", port: 8125, protocol: "UDP" }, { name: "db", port: 3306 }, { name: "mail", port: 25 })] },
    { name: "ExternalName Services are IST0150's", manifests: [service((s) => { s.spec = { type: "ExternalName", externalName: "db.example.com", ports: [{ name: "db", port: 5432 }] }; })] },
    { name: "Kubernetes' system namespaces", manifests: [service((s) => { s.metadata.namespace = "kube-system"; s.spec.ports = [{ name: "metrics", port: 10249 }]; })] },
    { name: "Istio's own Services (labelled istio)", manifests: [service((s) => { s.metadata = { name: "istiod", namespace: "istio-system", labels: { istio: "pilot" } }; s.spec.ports = [{ name: "grpc-xds", port: 15010 }, { name: "webhook", port: 443 }]; })] },
  ],
  invalid: [
    {
      name: "a name without a protocol, and no name",
      manifests: [ports({ name: "web", port: 80, targetPort: 8080 }), service((s) => { s.metadata.name = "db"; s.spec.ports = [{ port: 5432 }]; })],
      errors: [
        "spec.ports[0].name: Port name web (port: 80, targetPort: 8080) doesn't follow the naming convention of Istio port. (IST0118)",
        "spec.ports[0].port: Port name  (port: 5432, targetPort: 5432) doesn't follow the naming convention of Istio port. (IST0118)",
      ],
    },
    {
      name: "an appProtocol Istio does not know overrides a good name; istio-system is checked",
      manifests: [service((s) => { s.metadata.namespace = "istio-system"; s.spec.ports = [{ name: "http", port: 80, targetPort: 8080, appProtocol: "example.com/custom" }]; })],
      errors: ["spec.ports[0].name: Port name http (port: 80, targetPort: 8080) doesn't follow the naming convention of Istio port. (IST0118)"],
    },
  ],
});
