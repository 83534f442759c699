import { metadataLabels } from "../../../../src/rules/apiserver/meta/metadata-labels.rule.ts";
import { deployment, service } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const QNAME = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

ruleTable(metadataLabels, {
  valid: [
    { name: "prefixed keys and an empty value", manifests: [deployment((d) => { d.metadata.labels["example.com/tier"] = ""; })] },
    { name: "63-character names and values", manifests: [service((s) => { s.metadata.labels = { ["k".repeat(63)]: "v".repeat(63) }; })] },
  ],
  invalid: [
    { name: "a value starting with '-'", manifests: [deployment((d) => { d.metadata.labels.tier = "-front"; })], errors: [`metadata.labels[tier]: Invalid value: "-front": ${VALUE}`] },
    { name: "a 64-character value", manifests: [deployment((d) => { d.metadata.labels.tier = "v".repeat(64); })], errors: [`metadata.labels[tier]: Invalid value: "${"v".repeat(64)}": must be no more than 63 characters`] },
    { name: "a key with two slashes", manifests: [deployment((d) => { d.metadata.labels["a/b/c"] = "x"; })], errors: [`metadata.labels[a/b/c]: Invalid value: "a/b/c": a qualified name ${QNAME} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`] },
    { name: "a 64-character key name, on the pod template", manifests: [deployment((d) => { d.spec.template.metadata.labels["k".repeat(64)] = "x"; })], errors: [`spec.template.metadata.labels[${"k".repeat(64)}]: Invalid value: "${"k".repeat(64)}": name part must be no more than 63 characters`] },
    { name: "an upper-case prefix", manifests: [deployment((d) => { d.metadata.labels["Example.com/tier"] = "x"; })], errors: [`metadata.labels[Example.com/tier]: Invalid value: "Example.com/tier": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`] },
    { name: "in a selector", manifests: [service((s) => { s.spec.selector = { app: "web!" }; })], errors: [`spec.selector[app]: Invalid value: "web!": ${VALUE}`] },
  ],
});
