import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { invalid, notSupported, required } from "../../../support/apiserver-validation.ts";
import { asObject, at } from "../../../support/values.ts";

const MAX_STABILIZATION_WINDOW_SECONDS = 3600;
const MAX_PERIOD_SECONDS = 1800;
const SELECT_POLICIES = ["Disabled", "Max", "Min"];
const POLICY_TYPES = ["Percent", "Pods"];

/** validateScalingPolicy. */
function policyProblems(policy: unknown, path: FieldPath, problems: RuleProblem[]): void {
  const object = asObject(policy);
  if (object === undefined) return;
  if (object.type !== "Pods" && object.type !== "Percent") problems.push({ path: [...path, "type"], message: notSupported(object.type ?? "", POLICY_TYPES) });
  const value = object.value;
  if (typeof value === "number" && value <= 0) problems.push({ path: [...path, "value"], message: invalid(value, "must be greater than zero") });
  const period = object.periodSeconds;
  if (typeof period === "number" && period <= 0) problems.push({ path: [...path, "periodSeconds"], message: invalid(period, "must be greater than zero") });
  if (typeof period === "number" && period > MAX_PERIOD_SECONDS) {
    problems.push({ path: [...path, "periodSeconds"], message: invalid(period, `must be less than or equal to ${MAX_PERIOD_SECONDS}`) });
  }
}

/** validateScalingRules (after defaulting: rules without `policies` or `selectPolicy` get the defaults). */
function rulesProblems(rules: unknown, path: FieldPath, problems: RuleProblem[]): void {
  const object = asObject(rules);
  if (object === undefined) return;
  const window = object.stabilizationWindowSeconds;
  if (typeof window === "number" && window < 0) problems.push({ path: [...path, "stabilizationWindowSeconds"], message: invalid(window, "must be greater than or equal to zero") });
  if (typeof window === "number" && window > MAX_STABILIZATION_WINDOW_SECONDS) {
    problems.push({ path: [...path, "stabilizationWindowSeconds"], message: invalid(window, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`) });
  }
  const select = object.selectPolicy;
  if (typeof select === "string" && !SELECT_POLICIES.includes(select)) problems.push({ path: [...path, "selectPolicy"], message: notSupported(select, SELECT_POLICIES) });
  const policies = object.policies;
  if (!Array.isArray(policies)) return; // left out: the defaults apply
  if (policies.length === 0) problems.push({ path: [...path, "policies"], message: required("must specify at least one Policy") });
  policies.forEach((policy, index) => policyProblems(policy, [...path, "policies", index], problems));
}

/**
 * An HPA's scale-up and scale-down behavior (autoscaling/v2): a stabilization window of 0–3600 seconds, a select
 * policy of Max, Min or Disabled, and, when policies are listed, at least one, each of type Pods or Percent with a
 * positive value and a period of 1–1800 seconds.
 */
export const hpaBehavior: ObjectRule = {
  id: "hpa-behavior",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "HorizontalPodAutoscaler scaling rules have a 0–3600 s stabilization window, a known selectPolicy, and policies of a known type with a positive value and a 1–1800 s period.",
  upstreamMessage: "spec.behavior.scaleDown.policies[0].periodSeconds: Invalid value: 3600: must be less than or equal to 1800",
  kinds: new Set(["HorizontalPodAutoscaler"]),
  check(object) {
    if (object.kind !== "HorizontalPodAutoscaler" || apiGroup(object.apiVersion) !== "autoscaling") return [];
    const behavior = asObject(at(object.object, "spec", "behavior"));
    if (behavior === undefined) return [];
    const problems: RuleProblem[] = [];
    rulesProblems(behavior.scaleUp, ["spec", "behavior", "scaleUp"], problems);
    rulesProblems(behavior.scaleDown, ["spec", "behavior", "scaleDown"], problems);
    return problems;
  },
};
