/** Checks shared by the autoscaling rules. */
import type { FieldPath } from "../field-path.ts";
import type { RuleProblem } from "../rule.ts";
import { invalid, isValidPathSegmentName, required } from "./apiserver-validation.ts";
import { asObject, asString } from "./values.ts";

/** ValidateCrossVersionObjectReference: `kind` and `name` are required path segments. */
export function crossVersionObjectReferenceProblems(reference: unknown, path: FieldPath): RuleProblem[] {
  const object = asObject(reference);
  if (object === undefined) return [];
  const problems: RuleProblem[] = [];
  for (const field of ["kind", "name"] as const) {
    const value = asString(object[field]) ?? "";
    if (value === "") problems.push({ path: [...path, field], message: required() });
    else for (const message of isValidPathSegmentName(value)) problems.push({ path: [...path, field], message: invalid(value, message) });
  }
  return problems;
}
