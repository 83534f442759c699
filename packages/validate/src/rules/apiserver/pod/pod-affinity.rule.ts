import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isDns1123Label, required } from "../../../support/apiserver-validation.ts";
import { validateLabelName, validateLabelSelector } from "../../../support/label-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject, asString, type PlainObject } from "../../../support/values.ts";

/**
 * validatePodAffinityTerm: valid label and namespace selectors, namespace names that are DNS-1123 labels (reported at
 * `namespace`, as the apiserver does) and a topology key that is present and a qualified name.
 */
function affinityTerm(term: PlainObject, path: FieldPath): RuleProblem[] {
  const problems = [...validateLabelSelector(term.labelSelector, [...path, "labelSelector"]), ...validateLabelSelector(term.namespaceSelector, [...path, "namespaceSelector"])];
  for (const namespace of asArray(term.namespaces)) {
    if (typeof namespace === "string") for (const message of isDns1123Label(namespace)) problems.push({ path: [...path, "namespace"], message: invalid(namespace, message) });
  }
  const topologyKey = asString(term.topologyKey) ?? "";
  if (topologyKey === "") problems.push({ path: [...path, "topologyKey"], message: required("can not be empty") });
  problems.push(...validateLabelName(topologyKey, [...path, "topologyKey"]));
  return problems;
}

/**
 * Pod affinity and anti-affinity terms (required and preferred) have valid label and namespace selectors, valid
 * namespace names and a topology key; preferred terms weigh 1 to 100.
 */
export const podAffinity: ObjectRule = {
  id: "pod-affinity",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Pod affinity and anti-affinity terms have a topologyKey, valid label and namespace selectors and namespaces, and preferred weights of 1 to 100.",
  upstreamMessage: "spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const affinity = asObject(pod.spec.affinity);
    if (affinity === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const kind of ["podAffinity", "podAntiAffinity"]) {
      const spec = asObject(affinity[kind]);
      if (spec === undefined) continue;
      const path = [...pod.path, "affinity", kind];
      asArray(spec.requiredDuringSchedulingIgnoredDuringExecution).forEach((item, index) => {
        const term = asObject(item);
        if (term !== undefined) problems.push(...affinityTerm(term, [...path, "requiredDuringSchedulingIgnoredDuringExecution", index]));
      });
      asArray(spec.preferredDuringSchedulingIgnoredDuringExecution).forEach((item, index) => {
        const weighted = asObject(item);
        if (weighted === undefined) return;
        const weightedPath = [...path, "preferredDuringSchedulingIgnoredDuringExecution", index];
        const weight = weighted.weight;
        if (typeof weight === "number" && (weight <= 0 || weight > 100)) problems.push({ path: [...weightedPath, "weight"], message: invalid(weight, "must be in the range 1-100") });
        problems.push(...affinityTerm(asObject(weighted.podAffinityTerm) ?? {}, [...weightedPath, "podAffinityTerm"]));
      });
    }
    return problems;
  },
};
