import { workloadSelector } from "../../../../src/rules/apiserver/workload/workload-selector.rule.ts";
import { deployment, statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(workloadSelector, {
  valid: [
    { name: "matchLabels within the template labels", manifests: [deployment(), statefulSet()] },
    { name: "matchExpressions", manifests: [deployment((d) => { d.spec.selector = { matchExpressions: [{ key: "app", operator: "In", values: ["web", "www"] }, { key: "canary", operator: "DoesNotExist" }] }; })] },
  ],
  invalid: [
    {
      name: "a selector the template does not match",
      manifests: [deployment((d) => { d.spec.selector.matchLabels.version = "v2"; })],
      errors: ['spec.template.metadata.labels: Invalid value: {"app":"web","app.kubernetes.io/name":"web","version":"v1"}: `selector` does not match template `labels`'],
    },
    { name: "an empty selector", manifests: [deployment((d) => { d.spec.selector = {}; })], errors: ["spec.selector: Invalid value: {}: empty selector is invalid for deployment"] },
    {
      name: "a StatefulSet whose expression excludes its pods",
      manifests: [statefulSet((s) => { s.spec.selector = { matchExpressions: [{ key: "app", operator: "NotIn", values: ["db"] }] }; })],
      errors: ['spec.template.metadata.labels: Invalid value: {"app":"db"}: `selector` does not match template `labels`'],
    },
  ],
});
