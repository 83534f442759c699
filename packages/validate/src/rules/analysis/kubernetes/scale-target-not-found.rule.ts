import { environmentIndex, namespaceOf, objectKey } from "../../../analysis/environment-index.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asObject, asString, at } from "../../../support/values.ts";

/** A HorizontalPodAutoscaler's `scaleTargetRef` names an object of the environment (same namespace, kind and group). */
export const scaleTargetNotFound: GroupRule = {
  id: "scale-target-not-found",
  category: "analysis",
  scope: "group",
  severity: "error",
  description: "Every HorizontalPodAutoscaler scales an object (kind, apiVersion group, name) of its namespace in the environment.",
  check(objects) {
    const index = environmentIndex(objects);
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (object.kind !== "HorizontalPodAutoscaler" || !object.apiVersion.startsWith("autoscaling/")) continue;
      const target = asObject(at(object.object, "spec", "scaleTargetRef"));
      const kind = asString(target?.kind);
      const name = asString(target?.name);
      if (kind === undefined || name === undefined) continue;
      const namespace = namespaceOf(object) ?? "default";
      if (index.objects.has(objectKey(apiGroup(asString(target?.apiVersion) ?? ""), kind, namespace, name))) continue;
      problems.push({
        object,
        unresolved: true,
        path: ["spec", "scaleTargetRef", "name"],
        message: `Referenced ${kind} "${name}" (${asString(target?.apiVersion) ?? "no apiVersion"}) not found in namespace "${namespace}"`,
      });
    }
    return problems;
  },
};
