import { schedulingGates } from "../../../../src/rules/apiserver/pod/scheduling-gates.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { QNAME_NAME_PART, REAL_WORLD, SPEC, pod, withSpec } from "./pod-fixtures.ts";

const gates = (...list: object[]) => [withSpec((s) => { s.schedulingGates = list; })];

ruleTable(schedulingGates, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "distinct gates", manifests: gates({ name: "example.com/quota" }, { name: "example.com/capacity" }) },
    { name: "a Pod with a nodeName and no gates", manifests: [pod((s) => { s.nodeName = "node-1"; })] },
    { name: "a template with a nodeName and gates (checked on the pods)", manifests: [withSpec((s) => { s.nodeName = "node-1"; s.schedulingGates = [{ name: "example.com/quota" }]; })] },
  ],
  invalid: [
    { name: "a gate listed twice (reported at the gate)", manifests: gates({ name: "example.com/quota" }, { name: "example.com/quota" }), errors: [`${SPEC}.schedulingGates[1]: Duplicate value: "example.com/quota"`] },
    { name: "a gate name that is not a qualified name", manifests: gates({ name: "quota gate" }), errors: [`${SPEC}.schedulingGates[0]: Invalid value: "quota gate": ${QNAME_NAME_PART}`] },
    { name: "a Pod created with gates and a nodeName", manifests: [pod((s) => { s.nodeName = "node-1"; s.schedulingGates = [{ name: "example.com/quota" }]; })], errors: ["spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared"] },
  ],
});
