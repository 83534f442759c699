import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { asObject } from "../../../support/values.ts";

/** An HPA's `minReplicas` is at least 1 (scale to zero is an alpha feature) and `maxReplicas` at least `minReplicas`. */
export const hpaReplicas: ObjectRule = {
  id: "hpa-replicas",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "HorizontalPodAutoscaler minReplicas is at least 1 and maxReplicas at least minReplicas (and above 0).",
  upstreamMessage: "spec.maxReplicas: Invalid value: 1: must be greater than or equal to `minReplicas`",
  kinds: new Set(["HorizontalPodAutoscaler"]),
  check(object) {
    if (object.kind !== "HorizontalPodAutoscaler" || !object.apiVersion.startsWith("autoscaling/")) return [];
    const spec = asObject(object.object.spec);
    const min = spec?.minReplicas;
    const max = spec?.maxReplicas;
    const problems: RuleProblem[] = [];
    if (typeof min === "number" && min < 1) problems.push({ path: ["spec", "minReplicas"], message: invalid(min, "must be greater than or equal to 1") });
    if (typeof max === "number" && max < 1) problems.push({ path: ["spec", "maxReplicas"], message: invalid(max, "must be greater than 0") });
    else if (typeof max === "number" && typeof min === "number" && max < min) {
      problems.push({ path: ["spec", "maxReplicas"], message: invalid(max, "must be greater than or equal to `minReplicas`") });
    }
    return problems;
  },
};
