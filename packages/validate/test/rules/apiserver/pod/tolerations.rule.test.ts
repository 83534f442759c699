import { tolerations } from "../../../../src/rules/apiserver/pod/tolerations.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { LABEL_VALUE, QNAME_NAME_PART, REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

const T = `${SPEC}.tolerations[0]`;
const tolerating = (...list: object[]) => [withSpec((s) => { s.tolerations = list; })];

ruleTable(tolerations, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "tolerate everything", manifests: tolerating({ operator: "Exists" }) },
    {
      name: "the usual tolerations",
      manifests: tolerating(
        { key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" },
        { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
        { key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" },
        { key: "dedicated", value: "batch" },
        { key: "example.com/maintenance", operator: "Exists" },
      ),
    },
  ],
  invalid: [
    { name: "an empty key with Equal", manifests: tolerating({ operator: "Equal", value: "x" }), errors: [`${T}.operator: Invalid value: "Equal": operator must be Exists when \`key\` is empty, which means "match all values and all keys"`] },
    { name: "Exists with a value", manifests: tolerating({ key: "dedicated", operator: "Exists", value: "gpu" }), errors: [`${T}.operator: Invalid value: "gpu": value must be empty when \`operator\` is 'Exists'`] },
    { name: "tolerationSeconds with NoSchedule", manifests: tolerating({ key: "k", operator: "Exists", effect: "NoSchedule", tolerationSeconds: 60 }), errors: [`${T}.effect: Invalid value: "NoSchedule": effect must be 'NoExecute' when \`tolerationSeconds\` is set`] },
    { name: "tolerationSeconds with no effect", manifests: tolerating({ key: "k", operator: "Exists", tolerationSeconds: 60 }), errors: [`${T}.effect: Invalid value: "": effect must be 'NoExecute' when \`tolerationSeconds\` is set`] },
    { name: "an Equal value that is not a label value (reported at operator)", manifests: tolerating({ key: "dedicated", operator: "Equal", value: "gpu nodes" }), errors: [`${T}.operator: Invalid value: "gpu nodes": ${LABEL_VALUE}`] },
    { name: "an invalid key", manifests: tolerating({ key: "bad key", operator: "Exists" }), errors: [`${T}.key: Invalid value: "bad key": ${QNAME_NAME_PART}`] },
  ],
});
