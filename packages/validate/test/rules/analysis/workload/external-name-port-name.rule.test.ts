import { externalNamePortName } from "../../../../src/rules/analysis/workload/external-name-port-name.rule.ts";
import { service } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const external = (...ports: object[]) => service((s) => { s.spec = { type: "ExternalName", externalName: "db.example.com", ports }; });

ruleTable(externalNamePortName, {
  valid: [
    { name: "protocol-named ports", manifests: [external({ name: "https", port: 443 }, { name: "tcp-postgres", port: 5432 }, { name: "mysql", port: 3306 })] },
    { name: "a ClusterIP Service with a tcp port (only ExternalName is IST0150's)", manifests: [service((s) => { s.spec.ports = [{ name: "tcp", port: 5432 }]; })] },
    { name: "an ExternalName Service without ports", manifests: [external()] },
  ],
  invalid: [
    {
      name: "a port named tcp, a port with no protocol",
      manifests: [external({ name: "tcp", port: 5432 }, { name: "postgres", port: 5433 })],
      errors: [
        "spec.ports[0].name: Port name for ExternalName service is invalid. Proxy may prevent tcp named ports and unmatched traffic for ports serving TCP protocol from being forwarded correctly (IST0150)",
        "spec.ports[1].name: Port name for ExternalName service is invalid. Proxy may prevent tcp named ports and unmatched traffic for ports serving TCP protocol from being forwarded correctly (IST0150)",
      ],
    },
  ],
});
