import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { isEmptySelector, labelSelectorSelects } from "../../../support/label-selector.ts";
import { asObject, asStringMap, at } from "../../../support/values.ts";

/**
 * A Rollout's selector is not empty and selects its own pod template (the check the apiserver makes of a Deployment,
 * which the Rollout CRD does not): otherwise Argo Rollouts refuses it, or its ReplicaSets adopt foreign pods.
 */
export const rolloutSelector: ObjectRule = {
  id: "rollout-selector",
  category: "analysis",
  scope: "object",
  severity: "error",
  description: "A Rollout with a pod template has a non-empty selector that matches the template's labels.",
  kinds: new Set(["Rollout"]),
  check(object) {
    if (object.kind !== "Rollout" || !object.apiVersion.startsWith("argoproj.io/")) return [];
    const template = asObject(at(object.object, "spec", "template"));
    // A Rollout that refers to a Deployment's template (workloadRef) takes its selector from there.
    if (template === undefined) return [];
    const selector = at(object.object, "spec", "selector");
    const problems: RuleProblem[] = [];
    if (selector === undefined || isEmptySelector(selector)) {
      problems.push({ path: ["spec", "selector"], message: "is empty: a Rollout with a template must select its pods" });
    } else if (!labelSelectorSelects(selector, asStringMap(at(template, "metadata", "labels")))) {
      problems.push({ path: ["spec", "template", "metadata", "labels"], message: "do not match spec.selector: the Rollout's ReplicaSets would never own its pods" });
    }
    return problems;
  },
};
