/** Checks shared by the networking.k8s.io rules (Ingress backends and IngressClass parameters). */
import type { FieldPath } from "../field-path.ts";
import type { RuleProblem } from "../rule.ts";
import { invalid, isDns1123Subdomain, isValidPathSegmentName, required } from "./apiserver-validation.ts";
import { asObject, asString } from "./values.ts";

/**
 * validateIngressTypedLocalObjectReference: an `apiGroup`, when given, is a DNS-1123 subdomain (an empty one too is
 * rejected); `kind` and `name` are required path segments.
 */
export function typedLocalObjectReferenceProblems(reference: unknown, path: FieldPath): RuleProblem[] {
  const object = asObject(reference);
  if (object === undefined) return [];
  const problems: RuleProblem[] = [];
  const group = asString(object.apiGroup);
  if (group !== undefined) for (const message of isDns1123Subdomain(group)) problems.push({ path: [...path, "apiGroup"], message: invalid(group, message) });
  for (const field of ["kind", "name"] as const) {
    const value = asString(object[field]) ?? "";
    if (value === "") problems.push({ path: [...path, field], message: required(`${field} is required`) });
    else for (const message of isValidPathSegmentName(value)) problems.push({ path: [...path, field], message: invalid(value, message) });
  }
  return problems;
}
