import { asArray, asObject, asString, asStringMap } from "./values.ts";

/** Whether a map-style selector (a Service's) selects `labels`: every pair present. An empty selector selects all. */
export function mapSelects(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/** Whether a `metav1.LabelSelector` (matchLabels and matchExpressions) selects `labels`. */
export function labelSelectorSelects(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  const object = asObject(selector);
  if (object === undefined) return false;
  if (!mapSelects(asStringMap(object.matchLabels), labels)) return false;
  return asArray(object.matchExpressions).every((item) => {
    const expression = asObject(item);
    const key = asString(expression?.key) ?? "";
    const values = asArray(expression?.values).map(String);
    switch (expression?.operator) {
      case "In":
        return key in labels && values.includes(labels[key]!);
      case "NotIn":
        return !(key in labels) || !values.includes(labels[key]!);
      case "Exists":
        return key in labels;
      case "DoesNotExist":
        return !(key in labels);
      default:
        return false;
    }
  });
}

/** Whether a label selector has no requirement at all (it selects everything, or for workloads is invalid). */
export function isEmptySelector(selector: unknown): boolean {
  const object = asObject(selector);
  return Object.keys(asStringMap(object?.matchLabels)).length === 0 && asArray(object?.matchExpressions).length === 0;
}
