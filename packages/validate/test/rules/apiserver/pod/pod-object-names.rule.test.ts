import { podObjectNames } from "../../../../src/rules/apiserver/pod/pod-object-names.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { DNS_SUBDOMAIN, REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

ruleTable(podObjectNames, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "valid names", manifests: [withSpec((s) => { s.serviceAccountName = "web"; s.priorityClassName = "system-cluster-critical"; s.runtimeClassName = "gvisor"; s.nodeName = "ip-10-0-0-1.ec2.internal"; })] },
    { name: "the deprecated serviceAccount", manifests: [withSpec((s) => { delete s.serviceAccountName; s.serviceAccount = "web"; })] },
  ],
  invalid: [
    { name: "an upper-case service account", manifests: [withSpec((s) => { s.serviceAccountName = "Web"; })], errors: [`${SPEC}.serviceAccountName: Invalid value: "Web": ${DNS_SUBDOMAIN}`] },
    { name: "a deprecated serviceAccount (reported as serviceAccountName)", manifests: [withSpec((s) => { delete s.serviceAccountName; s.serviceAccount = "web_sa"; })], errors: [`${SPEC}.serviceAccountName: Invalid value: "web_sa": ${DNS_SUBDOMAIN}`] },
    { name: "a priority class with an underscore", manifests: [withSpec((s) => { s.priorityClassName = "high_priority"; })], errors: [`${SPEC}.priorityClassName: Invalid value: "high_priority": ${DNS_SUBDOMAIN}`] },
    { name: "an empty runtime class", manifests: [withSpec((s) => { s.runtimeClassName = ""; })], errors: [`${SPEC}.runtimeClassName: Invalid value: "": ${DNS_SUBDOMAIN}`] },
    { name: "an invalid node name", manifests: [withSpec((s) => { s.nodeName = "Node 1"; })], errors: [`${SPEC}.nodeName: Invalid value: "Node 1": ${DNS_SUBDOMAIN}`] },
  ],
});
