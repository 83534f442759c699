import { servicePortProtocol } from "../../../../src/rules/analysis/workload/service-port-protocol.rule.ts";
import { service } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const ports = (...list: object[]) => service((s) => { s.spec.ports = list; });

ruleTable(servicePortProtocol, {
  valid: [
    { name: "protocol names and prefixes", manifests: [ports({ name: "http", port: 80 }, { name: "grpc-api", port: 9090 }, { name: "tcp-redis", port: 6379 }, { name: "grpc-web", port: 8081 }, { name: "HTTPS", port: 443 })] },
    { name: "appProtocol instead of a name", manifests: [ports({ name: "web", port: 80, appProtocol: "http" })] },
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
  ],
});
