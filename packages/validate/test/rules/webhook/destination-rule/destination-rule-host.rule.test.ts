import { destinationRuleHost } from "../../../../src/rules/webhook/destination-rule/destination-rule-host.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { dr } from "../istio-fixtures.ts";

ruleTable(destinationRuleHost, {
  valid: [{ name: "an FQDN, a short name and a wildcard", manifests: [dr(), dr((d) => { d.metadata.name = "short"; d.spec.host = "web"; }), dr((d) => { d.metadata.name = "all"; d.spec.host = "*.example.com"; })] }],
  invalid: [
    { name: "no host", manifests: [dr((d) => { delete d.spec.host; })], errors: ["spec.host: empty domain name not allowed"] },
    { name: "an invalid label", manifests: [dr((d) => { d.spec.host = "web..shop"; })], errors: ['spec.host: domain name ".shop" invalid (label "" invalid)'] },
  ],
});
