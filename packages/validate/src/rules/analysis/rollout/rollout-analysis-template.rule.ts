import { environmentIndex, namespaceOf, objectKey } from "../../../analysis/environment-index.ts";
import type { FieldPath } from "../../../field-path.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asArray, asObject, asString, at } from "../../../support/values.ts";

/** Every analysis of a Rollout that names templates, with its path: canary background and step analyses, blue-green's. */
function analyses(rollout: unknown): { path: FieldPath; analysis: Record<string, unknown> }[] {
  const found: { path: FieldPath; analysis: Record<string, unknown> }[] = [];
  const add = (path: FieldPath) => {
    const analysis = asObject(at(rollout, ...path));
    if (analysis !== undefined) found.push({ path, analysis });
  };
  add(["spec", "strategy", "canary", "analysis"]);
  asArray(at(rollout, "spec", "strategy", "canary", "steps")).forEach((_, i) => add(["spec", "strategy", "canary", "steps", i, "analysis"]));
  add(["spec", "strategy", "blueGreen", "prePromotionAnalysis"]);
  add(["spec", "strategy", "blueGreen", "postPromotionAnalysis"]);
  return found;
}

/**
 * Each AnalysisTemplate a Rollout's analyses name exists (a ClusterAnalysisTemplate with `clusterScope`), and every
 * argument the template declares without a value is one the analysis passes: otherwise Argo Rollouts cannot start the
 * run and the release stops.
 */
export const rolloutAnalysisTemplate: GroupRule = {
  id: "rollout-analysis-template",
  category: "analysis",
  scope: "group",
  severity: "error",
  description: "Every AnalysisTemplate a Rollout's analyses name exists in its namespace (cluster-wide with clusterScope), and the analysis passes every argument the template leaves without a value.",
  check(objects) {
    const index = environmentIndex(objects);
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (object.kind !== "Rollout" || !object.apiVersion.startsWith("argoproj.io/")) continue;
      const namespace = namespaceOf(object) ?? "default";
      for (const { path, analysis } of analyses(object.object)) {
        const passed = new Set(asArray(analysis.args).map((a) => asString(at(a, "name"))));
        asArray(analysis.templates).forEach((item, t) => {
          const name = asString(at(item, "templateName"));
          if (name === undefined) return;
          const cluster = at(item, "clusterScope") === true;
          const kind = cluster ? "ClusterAnalysisTemplate" : "AnalysisTemplate";
          const template = index.objects.get(objectKey("argoproj.io", kind, cluster ? "" : namespace, name));
          const where: FieldPath = [...path, "templates", t, "templateName"];
          if (template === undefined) {
            problems.push({ object, unresolved: true, path: where, message: `Referenced ${kind} "${name}" not found${cluster ? "" : ` in namespace "${namespace}"`}` });
            return;
          }
          for (const arg of asArray(at(template.object, "spec", "args"))) {
            const argName = asString(at(arg, "name"));
            if (argName === undefined || at(arg, "value") !== undefined || at(arg, "valueFrom") !== undefined || passed.has(argName)) continue;
            problems.push({ object, path: [...path, "args"], message: `${kind} "${name}" needs the argument "${argName}", which this analysis does not pass` });
          }
        });
      }
    }
    return problems;
  },
};
