import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { duplicate, forbidden, invalid, required } from "../../../support/apiserver-validation.ts";
import { validateLabelName, validateLabelSelector } from "../../../support/label-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject, asString, type PlainObject } from "../../../support/values.ts";

/**
 * validateTopologySpreadConstraints: maxSkew above 0, a topology key, no two constraints with the same
 * {topologyKey, whenUnsatisfiable}, minDomains above 0 and only with DoNotSchedule, matchLabelKeys that are label
 * names absent from the label selector (which must then be set), and a valid label selector.
 */
export const topologySpreadConstraints: ObjectRule = {
  id: "topology-spread-constraints",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Topology spread constraints have maxSkew > 0, a topologyKey, no repeated {topologyKey, whenUnsatisfiable}, valid minDomains, matchLabelKeys and label selector.",
  upstreamMessage: "spec.template.spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const constraints = asArray(pod.spec.topologySpreadConstraints).map((c) => asObject(c));
    const problems: RuleProblem[] = [];
    constraints.forEach((constraint, index) => {
      if (constraint === undefined) return;
      const path = [...pod.path, "topologySpreadConstraints", index];
      const maxSkew = constraint.maxSkew;
      if (typeof maxSkew === "number" && maxSkew <= 0) problems.push({ path: [...path, "maxSkew"], message: invalid(maxSkew, "must be greater than zero") });
      const topologyKey = asString(constraint.topologyKey) ?? "";
      if (topologyKey === "") problems.push({ path: [...path, "topologyKey"], message: required("can not be empty") });
      const action = asString(constraint.whenUnsatisfiable) ?? "";
      const repeated = constraints.slice(index + 1).some((other: PlainObject | undefined) => other !== undefined && (asString(other.topologyKey) ?? "") === topologyKey && (asString(other.whenUnsatisfiable) ?? "") === action);
      if (repeated) problems.push({ path: [...path, "{topologyKey, whenUnsatisfiable}"], message: duplicate(`{${topologyKey}, ${action}}`) });
      const minDomains = constraint.minDomains;
      if (typeof minDomains === "number") {
        if (minDomains <= 0) problems.push({ path: [...path, "minDomains"], message: invalid(minDomains, "must be greater than zero") });
        if (action !== "DoNotSchedule") problems.push({ path: [...path, "minDomains"], message: invalid(minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`) });
      }
      const matchLabelKeys = asArray(constraint.matchLabelKeys);
      if (matchLabelKeys.length > 0) {
        const selector = asObject(constraint.labelSelector);
        const selectorKeys = new Set<string>(Object.keys(asObject(selector?.matchLabels) ?? {}));
        for (const expression of asArray(selector?.matchExpressions)) {
          const expressionKey = asString(asObject(expression)?.key);
          if (expressionKey !== undefined) selectorKeys.add(expressionKey);
        }
        if (selector === undefined) problems.push({ path: [...path, "matchLabelKeys"], message: forbidden("must not be specified when labelSelector is not set") });
        matchLabelKeys.forEach((labelKey, keyIndex) => {
          if (typeof labelKey !== "string") return;
          problems.push(...validateLabelName(labelKey, [...path, "matchLabelKeys", keyIndex]));
          if (selectorKeys.has(labelKey)) problems.push({ path: [...path, "matchLabelKeys", keyIndex], message: invalid(labelKey, "exists in both matchLabelKeys and labelSelector") });
        });
      }
      problems.push(...validateLabelSelector(constraint.labelSelector, [...path, "labelSelector"]));
    });
    return problems;
  },
};
