import { podHostname } from "../../../../src/rules/apiserver/pod/pod-hostname.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { DNS_LABEL, REAL_WORLD, SPEC, pod, withSpec } from "./pod-fixtures.ts";

ruleTable(podHostname, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "a hostname and subdomain", manifests: [pod((s) => { s.hostname = "web-0"; s.subdomain = "web-headless"; })] }],
  invalid: [
    { name: "a dotted hostname", manifests: [withSpec((s) => { s.hostname = "web.example"; })], errors: [`${SPEC}.hostname: Invalid value: "web.example": must not contain dots`] },
    { name: "an upper-case subdomain", manifests: [pod((s) => { s.subdomain = "Web"; })], errors: [`spec.subdomain: Invalid value: "Web": ${DNS_LABEL}`] },
  ],
});
