import { readinessGates } from "../../../../src/rules/apiserver/pod/readiness-gates.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { QNAME_NAME_PART, REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

const gates = (...list: object[]) => [withSpec((s) => { s.readinessGates = list; })];

ruleTable(readinessGates, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "a load balancer readiness gate", manifests: gates({ conditionType: "target-health.elbv2.k8s.aws/k8s-shop-web-1234" }, { conditionType: "www.example.com/feature-1" }) }],
  invalid: [
    { name: "a condition type with a space", manifests: gates({ conditionType: "ready now" }), errors: [`${SPEC}.readinessGates[0].conditionType: Invalid value: "ready now": ${QNAME_NAME_PART}`] },
    { name: "an empty condition type", manifests: gates({ conditionType: "" }), errors: [`${SPEC}.readinessGates[0].conditionType: Invalid value: "": name part must be non-empty`, `${SPEC}.readinessGates[0].conditionType: Invalid value: "": ${QNAME_NAME_PART}`] },
  ],
});
