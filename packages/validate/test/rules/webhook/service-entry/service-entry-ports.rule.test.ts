import { serviceEntryPorts } from "../../../../src/rules/webhook/service-entry/service-entry-ports.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { se } from "../istio-fixtures.ts";

ruleTable(serviceEntryPorts, {
  valid: [
    { name: "named HTTP(S) ports for several hosts", manifests: [se((s) => { s.spec.hosts = ["a.example.com", "b.example.com"]; s.spec.ports.push({ number: 80, name: "http", protocol: "HTTP", targetPort: 8080 }); })] },
    { name: "TCP for several hosts with NONE resolution", manifests: [se((s) => { s.spec.hosts = ["a.example.com", "b.example.com"]; s.spec.resolution = "NONE"; s.spec.ports = [{ number: 5432, name: "tcp", protocol: "TCP" }]; })] },
  ],
  invalid: [
    { name: "a duplicate number and name", manifests: [se((s) => { s.spec.ports.push({ number: 443, name: "https", protocol: "TLS" }); })], errors: ["spec.ports[1].number: service entry port 443 already defined", 'spec.ports[1].name: service entry port name "https" already defined'] },
    { name: "no name", manifests: [se((s) => { s.spec.ports = [{ number: 443, protocol: "HTTPS" }]; })], errors: ["spec.ports[0].name: invalid port name: "] },
    { name: "an unknown protocol", manifests: [se((s) => { s.spec.ports[0].protocol = "QUIC"; })], errors: ["spec.ports[0].protocol: unsupported protocol: QUIC"] },
    { name: "several hosts on TCP", manifests: [se((s) => { s.spec.hosts = ["a.example.com", "b.example.com"]; s.spec.ports = [{ number: 5432, name: "tcp", protocol: "TCP" }]; })], errors: ["spec.ports[0].protocol: multiple hosts provided with non-HTTP, non-TLS ports"] },
  ],
});
