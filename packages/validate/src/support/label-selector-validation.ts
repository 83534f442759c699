/**
 * apimachinery's `ValidateLabelSelector` (Kubernetes 1.28, invalid label values not allowed, as on create): label keys
 * are qualified names, `matchLabels` values label values, `In`/`NotIn` need values, `Exists`/`DoesNotExist` forbid
 * them, and every expression value is a label value.
 */
import type { FieldPath } from "../field-path.ts";
import type { RuleProblem } from "../rule.ts";
import { forbidden, invalid, isQualifiedName, isValidLabelValue, required } from "./apiserver-validation.ts";
import { asArray, asObject, asString } from "./values.ts";

/** Which parts of a selector to check. */
export interface LabelSelectorChecks {
  /**
   * Check `matchLabels` and the expressions' keys too (left out where another rule already checks them).
   * @default true
   */
  readonly labels?: boolean;
}

/** The problems of one `metav1.LabelSelector` at `path` (nothing when it is absent or not an object). */
export function labelSelectorProblems(selector: unknown, path: FieldPath, checks: LabelSelectorChecks = {}): RuleProblem[] {
  const object = asObject(selector);
  if (object === undefined) return [];
  const labels = checks.labels ?? true;
  const problems: RuleProblem[] = [];
  if (labels) {
    // Kubernetes 1.28 reports matchLabels problems at `matchLabels` itself, not at the key.
    const matchLabelsPath = [...path, "matchLabels"];
    for (const [name, value] of Object.entries(asObject(object.matchLabels) ?? {})) {
      for (const message of isQualifiedName(name)) problems.push({ path: matchLabelsPath, message: invalid(name, message) });
      if (typeof value === "string") for (const message of isValidLabelValue(value)) problems.push({ path: matchLabelsPath, message: invalid(value, message) });
    }
  }
  asArray(object.matchExpressions).forEach((item, index) => {
    const expression = asObject(item);
    if (expression === undefined) return;
    const where = [...path, "matchExpressions", index];
    const values = asArray(expression.values);
    const operator = expression.operator;
    if (operator === "In" || operator === "NotIn") {
      if (values.length === 0) problems.push({ path: [...where, "values"], message: required("must be specified when `operator` is 'In' or 'NotIn'") });
    } else if (operator === "Exists" || operator === "DoesNotExist") {
      if (values.length > 0) problems.push({ path: [...where, "values"], message: forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'") });
    } else {
      problems.push({ path: [...where, "operator"], message: invalid(operator ?? "", "not a valid selector operator") });
    }
    const key = asString(expression.key);
    if (labels && key !== undefined) for (const message of isQualifiedName(key)) problems.push({ path: [...where, "key"], message: invalid(key, message) });
    values.forEach((value, valueIndex) => {
      if (typeof value !== "string") return;
      for (const message of isValidLabelValue(value)) problems.push({ path: [...where, "values", valueIndex], message: invalid(value, message) });
    });
  });
  return problems;
}
