import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { isEmptySelector, labelSelectorSelects, mapSelects } from "../../../support/label-selector.ts";
import { asObject, asStringMap, at } from "../../../support/values.ts";

const APPS_WORKLOADS = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"]);

/**
 * A workload's selector is set, not empty, and selects its own pod template's labels (Deployments, ReplicaSets,
 * StatefulSets and DaemonSets; a ReplicationController's map selector; a Job's when `manualSelector` is true).
 */
export const workloadSelector: ObjectRule = {
  id: "workload-selector",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Workload selectors are non-empty and match the pod template's labels.",
  upstreamMessage: "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`",
  check(object) {
    const group = apiGroup(object.apiVersion);
    const spec = asObject(object.object.spec);
    if (spec === undefined) return [];
    const labels = asStringMap(at(spec, "template", "metadata", "labels"));
    const problems: RuleProblem[] = [];
    const mismatch = () => problems.push({ path: ["spec", "template", "metadata", "labels"], message: invalid(labels, "`selector` does not match template `labels`") });
    if ((group === "apps" || group === "extensions") && APPS_WORKLOADS.has(object.kind)) {
      if (spec.selector === undefined || spec.selector === null) {
        if (group === "apps") problems.push({ path: ["spec", "selector"], message: required() });
        return problems;
      }
      if (isEmptySelector(spec.selector)) {
        problems.push({ path: ["spec", "selector"], message: invalid(spec.selector, `empty selector is invalid for ${object.kind.toLowerCase()}`) });
        return problems;
      }
      if (!labelSelectorSelects(spec.selector, labels)) mismatch();
    }
    if (group === "" && object.kind === "ReplicationController") {
      const selector = asStringMap(spec.selector);
      if (Object.keys(selector).length > 0 && !mapSelects(selector, labels)) mismatch();
    }
    if (group === "batch" && object.kind === "Job" && spec.manualSelector === true) {
      if (spec.selector === undefined || isEmptySelector(spec.selector)) problems.push({ path: ["spec", "selector"], message: required("when `manualSelector` is `true`") });
      else if (!labelSelectorSelects(spec.selector, labels)) mismatch();
    }
    return problems;
  },
};
