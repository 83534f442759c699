/**
 * apimachinery's metav1 label validation (Kubernetes 1.28, invalid label values not allowed, as on create):
 * `ValidateLabelName`, `ValidateLabels` and `ValidateLabelSelector`, each returning problems with the apiserver's paths
 * and wording.
 */
import type { FieldPath } from "../field-path.ts";
import type { RuleProblem } from "../rule.ts";
import { forbidden, invalid, isQualifiedName, isValidLabelValue, required } from "./apiserver-validation.ts";
import { asArray, asObject, asString } from "./values.ts";

/** `ValidateLabelName`: a label key (or topology key, toleration key) is a qualified name. */
export function validateLabelName(name: string, path: FieldPath): RuleProblem[] {
  return isQualifiedName(name).map((message) => ({ path, message: invalid(name, message) }));
}

/** `ValidateLabels`: keys are qualified names, values label values; both reported at the map's own path. */
export function validateLabels(labels: unknown, path: FieldPath): RuleProblem[] {
  const map = asObject(labels);
  if (map === undefined) return [];
  const problems: RuleProblem[] = [];
  for (const [name, value] of Object.entries(map)) {
    problems.push(...validateLabelName(name, path));
    if (typeof value === "string") for (const message of isValidLabelValue(value)) problems.push({ path, message: invalid(value, message) });
  }
  return problems;
}

/** Which parts of a label selector `validateLabelSelector` checks. */
export interface LabelSelectorChecks {
  /**
   * Check `matchLabels` and the expressions' keys too (left out where another rule already checks them).
   * @default true
   */
  readonly labels?: boolean;
}

/**
 * `ValidateLabelSelector` at `path` (nothing when the selector is absent or not an object): `matchLabels` as labels
 * (reported at `matchLabels` itself, as Kubernetes 1.28 does), and each expression's operator (`In`/`NotIn` need
 * values, `Exists`/`DoesNotExist` forbid them), key (a missing one is Go's empty string) and values (label values).
 */
export function validateLabelSelector(selector: unknown, path: FieldPath, checks: LabelSelectorChecks = {}): RuleProblem[] {
  const object = asObject(selector);
  if (object === undefined) return [];
  const labels = checks.labels ?? true;
  const problems = labels ? validateLabels(object.matchLabels, [...path, "matchLabels"]) : [];
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
    if (labels) problems.push(...validateLabelName(asString(expression.key) ?? "", [...where, "key"]));
    values.forEach((value, valueIndex) => {
      if (typeof value !== "string") return;
      for (const message of isValidLabelValue(value)) problems.push({ path: [...where, "values", valueIndex], message: invalid(value, message) });
    });
  });
  return problems;
}
