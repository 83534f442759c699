import { rolloutSelector } from "../../../../src/rules/analysis/rollout/rollout-selector.rule.ts";
import { rollout } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(rolloutSelector, {
  valid: [
    { name: "a canary selecting its template", manifests: [rollout()] },
    { name: "a selector by expression", manifests: [rollout((r) => { r.spec.selector = { matchExpressions: [{ key: "version", operator: "In", values: ["v1", "v2"] }] }; })] },
    { name: "a Rollout of a Deployment's template (workloadRef)", manifests: [rollout((r) => { delete r.spec.template; delete r.spec.selector; r.spec.workloadRef = { apiVersion: "apps/v1", kind: "Deployment", name: "web" }; })] },
  ],
  invalid: [
    {
      name: "a selector the template's labels do not match",
      manifests: [rollout((r) => { r.spec.selector.matchLabels.version = "v2"; })],
      errors: ["spec.template.metadata.labels: do not match spec.selector: the Rollout's ReplicaSets would never own its pods"],
    },
    { name: "no selector", manifests: [rollout((r) => { delete r.spec.selector; })], errors: ["spec.selector: is empty: a Rollout with a template must select its pods"] },
    { name: "an empty selector", manifests: [rollout((r) => { r.spec.selector = {}; })], errors: ["spec.selector: is empty: a Rollout with a template must select its pods"] },
  ],
});
