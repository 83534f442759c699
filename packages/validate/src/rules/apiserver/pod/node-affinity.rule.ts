import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden, invalid, isDns1123Subdomain, required } from "../../../support/apiserver-validation.ts";
import { validateLabelName } from "../../../support/label-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject, asString, at, type PlainObject } from "../../../support/values.ts";

/** ValidateNodeSelectorRequirement (Kubernetes 1.28 does not check the values of node label requirements). */
function labelRequirement(requirement: PlainObject, path: FieldPath): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const values = asArray(requirement.values);
  const operator = requirement.operator;
  if (operator === "In" || operator === "NotIn") {
    if (values.length === 0) problems.push({ path: [...path, "values"], message: required("must be specified when `operator` is 'In' or 'NotIn'") });
  } else if (operator === "Exists" || operator === "DoesNotExist") {
    if (values.length > 0) problems.push({ path: [...path, "values"], message: forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'") });
  } else if (operator === "Gt" || operator === "Lt") {
    if (values.length !== 1) problems.push({ path: [...path, "values"], message: required("must be specified single value when `operator` is 'Lt' or 'Gt'") });
  } else {
    problems.push({ path: [...path, "operator"], message: invalid(operator ?? "", "not a valid selector operator") });
  }
  problems.push(...validateLabelName(asString(requirement.key) ?? "", [...path, "key"]));
  return problems;
}

/** ValidateNodeFieldSelectorRequirement: `metadata.name` In/NotIn exactly one node name. */
function fieldRequirement(requirement: PlainObject, path: FieldPath): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const values = asArray(requirement.values);
  const operator = requirement.operator;
  if (operator === "In" || operator === "NotIn") {
    if (values.length !== 1) problems.push({ path: [...path, "values"], message: required("must be only one value when `operator` is 'In' or 'NotIn' for node field selector") });
  } else {
    problems.push({ path: [...path, "operator"], message: invalid(operator ?? "", "not a valid selector operator") });
  }
  const fieldKey = asString(requirement.key) ?? "";
  if (fieldKey !== "metadata.name") problems.push({ path: [...path, "key"], message: invalid(fieldKey, "not a valid field selector key") });
  else {
    values.forEach((value, index) => {
      if (typeof value === "string") for (const message of isDns1123Subdomain(value)) problems.push({ path: [...path, "values", index], message: invalid(value, message) });
    });
  }
  return problems;
}

function selectorTerm(term: unknown, path: FieldPath): RuleProblem[] {
  const object = asObject(term) ?? {};
  return [
    ...asArray(object.matchExpressions).flatMap((r, i) => (asObject(r) ? labelRequirement(asObject(r)!, [...path, "matchExpressions", i]) : [])),
    ...asArray(object.matchFields).flatMap((r, i) => (asObject(r) ? fieldRequirement(asObject(r)!, [...path, "matchFields", i]) : [])),
  ];
}

/**
 * validateNodeAffinity: a required node selector has at least one term; every requirement's operator fits its values
 * (In/NotIn some, Exists/DoesNotExist none, Gt/Lt one) and its key is a qualified name; field requirements select
 * `metadata.name` with one node name; preferred terms weigh 1 to 100.
 */
export const nodeAffinity: ObjectRule = {
  id: "node-affinity",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Node affinity has at least one required term, requirements whose operator fits their values and keys, and preferred weights of 1 to 100.",
  upstreamMessage:
    "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const affinity = asObject(at(pod.spec, "affinity", "nodeAffinity"));
    if (affinity === undefined) return [];
    const path = [...pod.path, "affinity", "nodeAffinity"];
    const problems: RuleProblem[] = [];
    const requiredTerms = asObject(affinity.requiredDuringSchedulingIgnoredDuringExecution);
    if (requiredTerms !== undefined) {
      const termsPath = [...path, "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"];
      const terms = asArray(requiredTerms.nodeSelectorTerms);
      if (terms.length === 0) problems.push({ path: termsPath, message: required("must have at least one node selector term") });
      terms.forEach((term, index) => problems.push(...selectorTerm(term, [...termsPath, index])));
    }
    asArray(affinity.preferredDuringSchedulingIgnoredDuringExecution).forEach((item, index) => {
      const preferred = asObject(item);
      if (preferred === undefined) return;
      const preferredPath = [...path, "preferredDuringSchedulingIgnoredDuringExecution", index];
      const weight = preferred.weight;
      if (typeof weight === "number" && (weight <= 0 || weight > 100)) problems.push({ path: [...preferredPath, "weight"], message: invalid(weight, "must be in the range 1-100") });
      problems.push(...selectorTerm(preferred.preference, [...preferredPath, "preference"]));
    });
    return problems;
  },
};
