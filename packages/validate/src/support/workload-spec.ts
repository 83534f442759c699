/**
 * Checks the kube-apiserver applies to workload specs (k8s.io/kubernetes pkg/apis/apps/validation, batch/validation
 * and core's ValidateNonnegativeField), shared by the workload and batch rules.
 */
import type { FieldPath } from "../field-path.ts";
import type { RuleProblem } from "../rule.ts";
import { invalid, isQualifiedName, isValidLabelValue } from "./apiserver-validation.ts";
import { asNumber } from "./values.ts";

/** ValidateNonnegativeField's message. */
export const NEGATIVE_MESSAGE = "must be greater than or equal to 0";

/** ValidateNonnegativeField: a number set at `path` is not below 0 (unset and non-numbers are left alone). */
export function nonNegative(value: unknown, path: FieldPath): RuleProblem[] {
  const number = asNumber(value);
  return number !== undefined && number < 0 ? [{ path, message: invalid(number, NEGATIVE_MESSAGE) }] : [];
}

/** IsValidPercent's message (k8s.io/apimachinery/pkg/util/validation). */
export const PERCENT_MESSAGE =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

const PERCENT = /^[0-9]+%$/;

/** A percent string's number (`"25%"` → 25), or `undefined` when the value is not a valid percent string. */
export function percentValue(value: unknown): number | undefined {
  return typeof value === "string" && PERCENT.test(value) ? Number(value.slice(0, -1)) : undefined;
}

/** strconv.Atoi as IntOrString.IntValue uses it: the integer a string spells, or 0. */
function atoiOrZero(text: string): number {
  return /^[+-]?[0-9]+$/.test(text) ? Number(text) : 0;
}

/**
 * getIntOrPercentValue: a percent string's number, an integer's value, and for any other string what strconv.Atoi
 * makes of it (0 when it is not a number: `"abc"` counts as 0, `"25"` as 25).
 */
export function intOrPercentValue(value: unknown): number {
  const percent = percentValue(value);
  if (percent !== undefined) return percent;
  if (typeof value === "string") return atoiOrZero(value);
  return asNumber(value) ?? 0;
}

/**
 * ValidatePositiveIntOrPercent: an int-or-string is a non-negative integer or a percent string (`"25%"`); a string
 * of digits without `%` is not a percentage.
 */
export function intOrPercentProblems(value: unknown, path: FieldPath): RuleProblem[] {
  if (typeof value === "string") return PERCENT.test(value) ? [] : [{ path, message: invalid(value, PERCENT_MESSAGE) }];
  return nonNegative(value, path);
}

/** IsNotMoreThan100Percent: a percent string is at most 100%. */
export function notMoreThan100Percent(value: unknown, path: FieldPath): RuleProblem[] {
  const percent = percentValue(value);
  return percent !== undefined && percent > 100 ? [{ path, message: invalid(value, "must not be greater than 100%") }] : [];
}

const SELECTOR_OPERATORS = new Set(["In", "NotIn", "Exists", "DoesNotExist"]);

/**
 * Whether metav1.LabelSelectorAsSelector fails on a label selector: an unknown operator, In/NotIn without values,
 * Exists/DoesNotExist with values, or a key (qualified name) or value (label value) that is not valid. An expression
 * without a string key is left alone.
 */
export function labelSelectorFails(selector: unknown): boolean {
  const isKey = (key: string) => isQualifiedName(key).length === 0;
  const isValue = (value: string) => isValidLabelValue(value).length === 0;
  if (typeof selector !== "object" || selector === null || Array.isArray(selector)) return false;
  const { matchLabels, matchExpressions } = selector as { matchLabels?: unknown; matchExpressions?: unknown };
  if (typeof matchLabels === "object" && matchLabels !== null) {
    for (const [key, value] of Object.entries(matchLabels)) if (!isKey(key) || (typeof value === "string" && !isValue(value))) return true;
  }
  if (!Array.isArray(matchExpressions)) return false;
  return matchExpressions.some((item: unknown) => {
    if (typeof item !== "object" || item === null) return false;
    const { key, operator, values } = item as { key?: unknown; operator?: unknown; values?: unknown };
    const list = Array.isArray(values) ? values : [];
    if (typeof operator !== "string" || !SELECTOR_OPERATORS.has(operator)) return true;
    if (typeof key === "string" && !isKey(key)) return true;
    if ((operator === "In" || operator === "NotIn") && list.length === 0) return true;
    if ((operator === "Exists" || operator === "DoesNotExist") && list.length > 0) return true;
    return list.some((value) => typeof value === "string" && !isValue(value));
  });
}
