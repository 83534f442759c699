import { environmentIndex, namespaceOf } from "../../../analysis/environment-index.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { mapSelects } from "../../../support/label-selector.ts";
import { asStringMap, at } from "../../../support/values.ts";

/** A Service with a selector selects the pods of some workload of its namespace (otherwise it has no endpoints). */
export const serviceSelectsNoPods: GroupRule = {
  id: "service-selects-no-pods",
  category: "analysis",
  scope: "group",
  severity: "warning",
  description: "Every Service with a selector selects the pods of some workload in its namespace.",
  check(objects) {
    const index = environmentIndex(objects);
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (object.kind !== "Service" || object.apiVersion !== "v1") continue;
      const selector = asStringMap(at(object.object, "spec", "selector"));
      if (Object.keys(selector).length === 0 || at(object.object, "spec", "type") === "ExternalName") continue;
      const namespace = namespaceOf(object) ?? "default";
      if ((index.podsByNamespace.get(namespace) ?? []).some((p) => mapSelects(selector, p.labels))) continue;
      problems.push({ object, unresolved: true, path: ["spec", "selector"], message: `selects no pods of any workload in namespace "${namespace}"` });
    }
    return problems;
  },
};
