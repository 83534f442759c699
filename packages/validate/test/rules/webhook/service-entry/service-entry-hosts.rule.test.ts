import { serviceEntryHosts } from "../../../../src/rules/webhook/service-entry/service-entry-hosts.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { se } from "../istio-fixtures.ts";

ruleTable(serviceEntryHosts, {
  valid: [{ name: "an FQDN and a wildcard", manifests: [se(), se((s) => { s.metadata.name = "all"; s.spec.hosts = ["*.googleapis.com"]; s.spec.resolution = "NONE"; })] }],
  invalid: [
    { name: "no hosts", manifests: [se((s) => { delete s.spec.hosts; })], errors: ["spec.hosts: service entry must have at least one host"] },
    { name: "*", manifests: [se((s) => { s.spec.hosts = ["*"]; s.spec.resolution = "NONE"; })], errors: ["spec.hosts[0]: invalid host *"] },
    { name: "an invalid name", manifests: [se((s) => { s.spec.hosts = ["api_v1.example.com"]; })], errors: ['spec.hosts[0]: domain name "api_v1.example.com" invalid (label "api_v1" invalid)'] },
  ],
});
