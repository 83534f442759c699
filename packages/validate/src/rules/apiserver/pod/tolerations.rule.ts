import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isValidLabelValue } from "../../../support/apiserver-validation.ts";
import { validateLabelName } from "../../../support/label-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject, asString, isSet } from "../../../support/values.ts";

/**
 * ValidateTolerations: a key is a qualified name; an empty key (all taints) needs `operator: Exists`;
 * `tolerationSeconds` only with `effect: NoExecute`; an `Equal` (or empty) operator's value is a label value, and an
 * `Exists` toleration has no value. The apiserver reports value problems at `operator`. (Operator and effect values
 * themselves are the schema's.)
 */
export const tolerations: ObjectRule = {
  id: "tolerations",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Tolerations have qualified-name keys, Exists for an empty key and no value with Exists, label values with Equal, and tolerationSeconds only with NoExecute.",
  upstreamMessage: "spec.template.spec.tolerations[0].operator: Invalid value: \"Equal\": operator must be Exists when `key` is empty, which means \"match all values and all keys\"",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    asArray(pod.spec.tolerations).forEach((item, index) => {
      const toleration = asObject(item);
      if (toleration === undefined) return;
      const path = [...pod.path, "tolerations", index];
      const tolerationKey = asString(toleration.key) ?? "";
      const operator = asString(toleration.operator) ?? "";
      const effect = asString(toleration.effect) ?? "";
      const value = asString(toleration.value) ?? "";
      if (tolerationKey !== "") problems.push(...validateLabelName(tolerationKey, [...path, "key"]));
      if (tolerationKey === "" && operator !== "Exists") {
        problems.push({ path: [...path, "operator"], message: invalid(operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"') });
      }
      if (isSet(toleration.tolerationSeconds) && effect !== "NoExecute") {
        problems.push({ path: [...path, "effect"], message: invalid(effect, "effect must be 'NoExecute' when `tolerationSeconds` is set") });
      }
      if (operator === "Equal" || operator === "") {
        const errors = isValidLabelValue(value);
        if (errors.length > 0) problems.push({ path: [...path, "operator"], message: invalid(value, errors.join(";")) });
      } else if (operator === "Exists" && value !== "") {
        problems.push({ path: [...path, "operator"], message: invalid(value, "value must be empty when `operator` is 'Exists'") });
      }
    });
    return problems;
  },
};
