import { serviceEntryProtocolConflict } from "../../../../src/rules/analysis/service-entry/service-entry-protocol-conflict.rule.ts";
import { yamlOf, type Json } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

/** The objects as YAML, with `.` quoted (the gate parses YAML 1.1, where a bare `.` is not the string "."). */
const quoted = (...objects: unknown[]) => yamlOf(...objects).replaceAll("- .\n", '- "."\n').replaceAll(": .\n", ': "."\n');

const entry = (name: string, protocol: string, change?: (s: Json) => void): Json => {
  const serviceEntry: Json = {
    apiVersion: "networking.istio.io/v1beta1",
    kind: "ServiceEntry",
    metadata: { name, namespace: "default" },
    spec: { hosts: ["api.example.com"], ports: [{ number: 443, name: protocol.toLowerCase(), protocol }], resolution: "DNS" },
  };
  change?.(serviceEntry);
  return serviceEntry;
};
const MESSAGE = 'metadata.name: Multiple ServiceEntries (default/api-http, default/api-tls) define the same host "api.example.com" and port 443 with conflicting protocols (HTTP, TLS). (IST0177)';

ruleTable(serviceEntryProtocolConflict, {
  valid: [
    { name: "the same protocol", manifests: [entry("api-a", "TLS"), entry("api-b", "TLS")] },
    { name: "protocols compared case-insensitively", manifests: [entry("api-a", "TLS"), entry("api-b", "tls")] },
    { name: "different ports", manifests: [entry("api-http", "HTTP", (s) => { s.spec.ports[0].number = 80; }), entry("api-tls", "TLS")] },
    { name: "visible in different namespaces", manifests: quoted(entry("api-http", "HTTP", (s) => { s.spec.exportTo = ["."]; }), entry("api-tls", "TLS", (s) => { s.metadata.namespace = "other"; s.spec.exportTo = ["."]; })) },
  ],
  invalid: [
    { name: "istio.io's example", manifests: [entry("api-http", "HTTP"), entry("api-tls", "TLS")], errors: [MESSAGE, MESSAGE] },
    {
      name: "a namespace-local entry against one exported to all",
      manifests: quoted(entry("api-http", "HTTP", (s) => { s.spec.exportTo = ["."]; }), entry("api-tls", "TLS", (s) => { s.metadata.namespace = "other"; })),
      errors: [
        'metadata.name: Multiple ServiceEntries (default/api-http, other/api-tls) define the same host "api.example.com" and port 443 with conflicting protocols (HTTP, TLS). (IST0177)',
        'metadata.name: Multiple ServiceEntries (default/api-http, other/api-tls) define the same host "api.example.com" and port 443 with conflicting protocols (HTTP, TLS). (IST0177)',
      ],
    },
  ],
});
