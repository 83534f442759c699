import type { ObjectRule } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { crossVersionObjectReferenceProblems } from "../../../support/autoscaling.ts";
import { at } from "../../../support/values.ts";

/** An HPA's `scaleTargetRef` has a kind and a name, both valid path segments (no `/` or `%`, not `.` or `..`). */
export const hpaScaleTargetRef: ObjectRule = {
  id: "hpa-scale-target-ref",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A HorizontalPodAutoscaler's scaleTargetRef has a kind and a name that are valid path segments.",
  upstreamMessage: "spec.scaleTargetRef.name: Required value",
  kinds: new Set(["HorizontalPodAutoscaler"]),
  check(object) {
    if (object.kind !== "HorizontalPodAutoscaler" || apiGroup(object.apiVersion) !== "autoscaling") return [];
    return crossVersionObjectReferenceProblems(at(object.object, "spec", "scaleTargetRef"), ["spec", "scaleTargetRef"]);
  },
};
