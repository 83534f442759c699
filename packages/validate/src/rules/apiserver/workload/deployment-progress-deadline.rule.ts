import type { ObjectRule } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { asNumber, asObject } from "../../../support/values.ts";

/**
 * A Deployment's `progressDeadlineSeconds` (600 by default) is greater than its `minReadySeconds` (0 by default): a
 * rollout must be able to make progress before it is declared stalled. So `minReadySeconds` of 600 or more needs a
 * larger deadline.
 */
export const deploymentProgressDeadline: ObjectRule = {
  id: "deployment-progress-deadline",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A Deployment's progressDeadlineSeconds is greater than its minReadySeconds.",
  upstreamMessage: "spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds",
  kinds: new Set(["Deployment"]),
  check(object) {
    if (object.kind !== "Deployment" || !object.apiVersion.startsWith("apps/")) return [];
    const spec = asObject(object.object.spec);
    const deadline = asNumber(spec?.progressDeadlineSeconds);
    if (deadline === undefined || deadline > (asNumber(spec?.minReadySeconds) ?? 0)) return [];
    return [{ path: ["spec", "progressDeadlineSeconds"], message: invalid(deadline, "must be greater than minReadySeconds") }];
  },
};
