import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { asObject, at } from "../../../support/values.ts";
import { intOrPercentValue } from "../../../support/workload-spec.ts";

/**
 * A rolling update can make progress. A Deployment's `maxSurge` and `maxUnavailable` (25 % each by default) are not
 * both zero (ValidateRollingUpdateDeployment). A DaemonSet's (`maxUnavailable` 1 and `maxSurge` 0 by default) have
 * exactly one non-zero (ValidateRollingUpdateDaemonSet): surging needs `maxUnavailable: 0`. A value that is not a
 * number or percentage counts as 0, as the apiserver reads it. A StatefulSet's `maxUnavailable` is behind the
 * MaxUnavailableStatefulSet gate (off at 1.28): the apiserver drops it, so it is not judged.
 */
export const rollingUpdateNotZero: ObjectRule = {
  id: "rolling-update-not-zero",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A Deployment's maxSurge and maxUnavailable are not both 0; a DaemonSet's have exactly one non-zero.",
  upstreamMessage: "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: may not be 0 when `maxSurge` is 0",
  check(object) {
    if (!object.apiVersion.startsWith("apps/")) return [];
    if (object.kind === "Deployment") {
      const path = ["spec", "strategy", "rollingUpdate"];
      if (at(object.object, "spec", "strategy", "type") !== "RollingUpdate") return [];
      const rollingUpdate = asObject(at(object.object, ...path));
      if (rollingUpdate === undefined) return [];
      if (intOrPercentValue(rollingUpdate.maxUnavailable) === 0 && intOrPercentValue(rollingUpdate.maxSurge) === 0) {
        return [{ path: [...path, "maxUnavailable"], message: invalid(rollingUpdate.maxUnavailable, "may not be 0 when `maxSurge` is 0") }];
      }
      return [];
    }
    if (object.kind === "DaemonSet") {
      const path = ["spec", "updateStrategy", "rollingUpdate"];
      if (at(object.object, "spec", "updateStrategy", "type") !== "RollingUpdate") return [];
      const rollingUpdate = asObject(at(object.object, ...path));
      if (rollingUpdate === undefined) return [];
      const problems: RuleProblem[] = [];
      const hasUnavailable = intOrPercentValue(rollingUpdate.maxUnavailable) !== 0;
      const hasSurge = intOrPercentValue(rollingUpdate.maxSurge) !== 0;
      if (hasUnavailable && hasSurge) problems.push({ path: [...path, "maxSurge"], message: invalid(rollingUpdate.maxSurge, "may not be set when maxUnavailable is non-zero") });
      if (!hasUnavailable && !hasSurge) problems.push({ path: [...path, "maxUnavailable"], message: required("cannot be 0 when maxSurge is 0") });
      return problems;
    }
    return [];
  },
};
