import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isQualifiedName } from "../../../support/apiserver-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject, asString } from "../../../support/values.ts";

/** validateReadinessGates: every readiness gate's conditionType is a qualified name. */
export const readinessGates: ObjectRule = {
  id: "readiness-gates",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Readiness gate condition types are qualified names.",
  upstreamMessage: "spec.template.spec.readinessGates[0].conditionType: Invalid value: \"\": name part must be non-empty",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    asArray(pod.spec.readinessGates).forEach((item, index) => {
      const conditionType = asString(asObject(item)?.conditionType) ?? "";
      for (const message of isQualifiedName(conditionType)) problems.push({ path: [...pod.path, "readinessGates", index, "conditionType"], message: invalid(conditionType, message) });
    });
    return problems;
  },
};
