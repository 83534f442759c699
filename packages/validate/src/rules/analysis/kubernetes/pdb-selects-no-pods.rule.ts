import { environmentIndex, namespaceOf } from "../../../analysis/environment-index.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { isEmptySelector, labelSelectorSelects } from "../../../support/label-selector.ts";
import { at } from "../../../support/values.ts";

/** A PodDisruptionBudget protects something: its selector matches the pods of some workload of its namespace. */
export const pdbSelectsNoPods: GroupRule = {
  id: "pdb-selects-no-pods",
  category: "analysis",
  scope: "group",
  severity: "warning",
  description: "Every PodDisruptionBudget's selector matches the pods of some workload in its namespace.",
  check(objects) {
    const index = environmentIndex(objects);
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (object.kind !== "PodDisruptionBudget" || !object.apiVersion.startsWith("policy/")) continue;
      const selector = at(object.object, "spec", "selector");
      if (selector === undefined || isEmptySelector(selector)) continue;
      const namespace = namespaceOf(object) ?? "default";
      if ((index.podsByNamespace.get(namespace) ?? []).some((p) => labelSelectorSelects(selector, p.labels))) continue;
      problems.push({ object, unresolved: true, path: ["spec", "selector"], message: `selects no pods of any workload in namespace "${namespace}"` });
    }
    return problems;
  },
};
