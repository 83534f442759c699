import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { duplicate, forbidden, invalid, isQualifiedName } from "../../../support/apiserver-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject, asString } from "../../../support/values.ts";

/**
 * validateSchedulingGates: scheduling gate names are qualified names, each listed once (reported at the gate, not its
 * `name`); a Pod created with scheduling gates sets no `nodeName`.
 */
export const schedulingGates: ObjectRule = {
  id: "scheduling-gates",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Scheduling gate names are unique qualified names, and a Pod with scheduling gates sets no nodeName.",
  upstreamMessage: 'spec.template.spec.schedulingGates[1]: Duplicate value: "example.com/quota"',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    const gates = asArray(pod.spec.schedulingGates);
    const seen = new Set<string>();
    gates.forEach((item, index) => {
      const name = asString(asObject(item)?.name) ?? "";
      const path = [...pod.path, "schedulingGates", index];
      for (const message of isQualifiedName(name)) problems.push({ path, message: invalid(name, message) });
      if (seen.has(name)) problems.push({ path, message: duplicate(name) });
      seen.add(name);
    });
    if (object.kind === "Pod" && gates.length > 0 && (asString(pod.spec.nodeName) ?? "") !== "") {
      problems.push({ path: [...pod.path, "nodeName"], message: forbidden("cannot be set until all schedulingGates have been cleared") });
    }
    return problems;
  },
};
