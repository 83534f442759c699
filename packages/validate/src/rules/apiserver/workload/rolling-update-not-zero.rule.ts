import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { asObject, at } from "../../../support/values.ts";

/** An int-or-percent's value: `3` → 3, `"25%"` → 25 (as a percentage), anything else `undefined`. */
function intOrPercent(value: unknown): { value: number; percent: boolean } | undefined {
  if (typeof value === "number") return { value, percent: false };
  if (typeof value === "string" && /^\d+%$/.test(value)) return { value: Number(value.slice(0, -1)), percent: true };
  return undefined;
}

const STRATEGIES: Readonly<Record<string, FieldPath>> = {
  Deployment: ["spec", "strategy", "rollingUpdate"],
  DaemonSet: ["spec", "updateStrategy", "rollingUpdate"],
};

/**
 * A rolling update can make progress: `maxSurge` and `maxUnavailable` (after defaulting: 25 % each for a Deployment,
 * 0 and 1 for a DaemonSet) are not both zero, and `maxUnavailable` is at most 100 %.
 */
export const rollingUpdateNotZero: ObjectRule = {
  id: "rolling-update-not-zero",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A rolling update's maxSurge and maxUnavailable are not both 0, and maxUnavailable is at most 100%.",
  upstreamMessage: "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0",
  check(object) {
    const path = STRATEGIES[object.kind];
    if (path === undefined || !object.apiVersion.startsWith("apps/")) return [];
    const rollingUpdate = asObject(at(object.object, ...path));
    if (rollingUpdate === undefined) return [];
    const problems: RuleProblem[] = [];
    const unavailable = intOrPercent(rollingUpdate.maxUnavailable);
    const surge = intOrPercent(rollingUpdate.maxSurge);
    if (unavailable?.value === 0 && surge?.value === 0) {
      problems.push({ path: [...path, "maxUnavailable"], message: invalid(rollingUpdate.maxUnavailable, "may not be 0 when `maxSurge` is 0") });
    }
    if (unavailable?.percent === true && unavailable.value > 100) {
      problems.push({ path: [...path, "maxUnavailable"], message: invalid(rollingUpdate.maxUnavailable, "must not be greater than 100%") });
    }
    return problems;
  },
};
