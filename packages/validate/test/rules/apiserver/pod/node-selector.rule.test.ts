import { nodeSelector } from "../../../../src/rules/apiserver/pod/node-selector.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { LABEL_VALUE, QNAME_NAME_PART, REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

const selecting = (selector: object) => [withSpec((s) => { s.nodeSelector = selector; })];

ruleTable(nodeSelector, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "well-known node labels", manifests: selecting({ "kubernetes.io/os": "linux", "node.kubernetes.io/instance-type": "m5.large", "cloud.google.com/gke-nodepool": "default-pool" }) },
    { name: "an empty value", manifests: selecting({ "example.com/dedicated": "" }) },
  ],
  invalid: [
    { name: "a value starting with '-' (reported at nodeSelector)", manifests: selecting({ "kubernetes.io/arch": "-amd64" }), errors: [`${SPEC}.nodeSelector: Invalid value: "-amd64": ${LABEL_VALUE}`] },
    { name: "a key with a space", manifests: selecting({ "pool name": "a" }), errors: [`${SPEC}.nodeSelector: Invalid value: "pool name": ${QNAME_NAME_PART}`] },
  ],
});
