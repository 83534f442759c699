import type { ObjectRule } from "../../../rule.ts";
import { inclusiveRangeError, invalid } from "../../../support/apiserver-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";

const MAX = 2147483647;

/**
 * A pod's `activeDeadlineSeconds`, when set, is between 1 and 2147483647. (terminationGracePeriodSeconds has no range:
 * it is defaulted to 30, and the apiserver accepts any value, negative ones included.)
 */
export const activeDeadlineSeconds: ObjectRule = {
  id: "active-deadline-seconds",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A pod's activeDeadlineSeconds, when set, is between 1 and 2147483647.",
  upstreamMessage: "spec.template.spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const value = pod.spec.activeDeadlineSeconds;
    if (typeof value !== "number" || (value >= 1 && value <= MAX)) return [];
    return [{ path: [...pod.path, "activeDeadlineSeconds"], message: invalid(value, inclusiveRangeError(1, MAX)) }];
  },
};
