import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { asObject, at } from "../../../support/values.ts";
import { intOrPercentProblems, notMoreThan100Percent } from "../../../support/workload-spec.ts";

/**
 * A rolling update's `maxUnavailable` and `maxSurge` are non-negative integers or percent strings (`"25%"`; `"25"`
 * and `"abc"` are neither), as ValidatePositiveIntOrPercent checks them; `maxUnavailable` is at most 100 %, and a
 * DaemonSet's `maxSurge` too (a Deployment may surge beyond 100 %). Checked for the RollingUpdate strategy only.
 */
export const rollingUpdateIntOrPercent: ObjectRule = {
  id: "rolling-update-int-or-percent",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A rolling update's maxSurge and maxUnavailable are non-negative integers or percentages, maxUnavailable at most 100%.",
  upstreamMessage:
    "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"25\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
  check(object) {
    if (!object.apiVersion.startsWith("apps/")) return [];
    const daemonSet = object.kind === "DaemonSet";
    if (!daemonSet && object.kind !== "Deployment") return [];
    const strategy = daemonSet ? "updateStrategy" : "strategy";
    if (at(object.object, "spec", strategy, "type") !== "RollingUpdate") return [];
    const path = ["spec", strategy, "rollingUpdate"];
    const rollingUpdate = asObject(at(object.object, ...path));
    if (rollingUpdate === undefined) return [];
    const unavailable = [...path, "maxUnavailable"];
    const surge = [...path, "maxSurge"];
    const problems: RuleProblem[] = [
      ...intOrPercentProblems(rollingUpdate.maxUnavailable, unavailable),
      ...intOrPercentProblems(rollingUpdate.maxSurge, surge),
      ...notMoreThan100Percent(rollingUpdate.maxUnavailable, unavailable),
    ];
    if (daemonSet) problems.push(...notMoreThan100Percent(rollingUpdate.maxSurge, surge));
    return problems;
  },
};
