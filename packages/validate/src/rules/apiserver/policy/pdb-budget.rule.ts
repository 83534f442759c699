import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isValidPercent } from "../../../support/apiserver-validation.ts";
import { asObject } from "../../../support/values.ts";

/**
 * A PodDisruptionBudget sets `minAvailable` or `maxUnavailable`, not both; each is a non-negative integer or a
 * percentage (`<digits>%`) of at most 100 %.
 */
export const pdbBudget: ObjectRule = {
  id: "pdb-budget",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A PodDisruptionBudget sets minAvailable or maxUnavailable, not both, each a non-negative integer or a percentage of at most 100%.",
  upstreamMessage: "spec: Invalid value: policy.PodDisruptionBudgetSpec{…}: minAvailable and maxUnavailable cannot be both set",
  kinds: new Set(["PodDisruptionBudget"]),
  check(object) {
    if (object.kind !== "PodDisruptionBudget" || !object.apiVersion.startsWith("policy/")) return [];
    const spec = asObject(object.object.spec);
    if (spec === undefined) return [];
    const problems: RuleProblem[] = [];
    const isSet = (value: unknown) => value !== undefined && value !== null;
    if (isSet(spec.minAvailable) && isSet(spec.maxUnavailable)) {
      problems.push({ path: ["spec"], message: invalid({ minAvailable: spec.minAvailable, maxUnavailable: spec.maxUnavailable }, "minAvailable and maxUnavailable cannot be both set") });
    }
    for (const field of ["minAvailable", "maxUnavailable"]) {
      const value = spec[field];
      if (typeof value === "number" && value < 0) problems.push({ path: ["spec", field], message: invalid(value, "must be greater than or equal to 0") });
      if (typeof value !== "string") continue;
      const percentProblems = isValidPercent(value);
      for (const message of percentProblems) problems.push({ path: ["spec", field], message: invalid(value, message) });
      if (percentProblems.length === 0 && Number(value.slice(0, -1)) > 100) problems.push({ path: ["spec", field], message: invalid(value, "must not be greater than 100%") });
    }
    return problems;
  },
};
