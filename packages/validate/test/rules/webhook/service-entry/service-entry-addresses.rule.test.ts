import { serviceEntryAddresses } from "../../../../src/rules/webhook/service-entry/service-entry-addresses.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { se } from "../istio-fixtures.ts";

ruleTable(serviceEntryAddresses, {
  valid: [{ name: "an IP with DNS, a CIDR with STATIC", manifests: [se((s) => { s.spec.addresses = ["240.240.0.1"]; }), se((s) => { s.metadata.name = "net"; s.spec.addresses = ["10.20.0.0/16"]; s.spec.resolution = "STATIC"; s.spec.endpoints = [{ address: "10.20.0.5" }]; })] }],
  invalid: [
    { name: "a CIDR with DNS", manifests: [se((s) => { s.spec.addresses = ["10.20.0.0/16"]; })], errors: ["spec.resolution: CIDR addresses are allowed only for NONE/STATIC resolution types"] },
    { name: "a hostname", manifests: [se((s) => { s.spec.addresses = ["api.example.com"]; })], errors: ["spec.addresses[0]: api.example.com is not a valid IP"] },
  ],
});
