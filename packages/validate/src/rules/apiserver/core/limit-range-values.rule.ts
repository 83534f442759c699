import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { isOvercommitAllowed } from "../../../support/core-resources.ts";
import { goQuantity } from "../../../support/core-values.ts";
import { compareQuantityValues, formatQuantity, quantityInteger, quantityValue, type QuantityValue } from "../../../support/quantity-format.ts";
import { asArray, asObject, type PlainObject } from "../../../support/values.ts";

const FIELDS = ["max", "min", "default", "defaultRequest", "maxLimitRequestRatio"] as const;
type Field = (typeof FIELDS)[number];

/** `resource.MaxMilliValue`: the largest value whose thousandths fit an int64. */
const MAX_MILLI_VALUE = 9223372036854775n;

/** A written quantity with its value. */
interface Written {
  readonly text: unknown;
  readonly value: QuantityValue;
}

/** `MilliValue()`: thousandths, rounded away from zero. */
function milli(value: QuantityValue): bigint {
  return quantityInteger({ ...value, exponent: value.exponent + 3 });
}

/** Go's `%f` of a float64. */
function goFloat(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  return value.toFixed(6);
}

/**
 * Within each LimitRange item and resource: min ≤ defaultRequest ≤ default ≤ max, maxLimitRequestRatio at least 1
 * and at most max/min, and, for resources that cannot be overcommitted (extended resources, huge pages), default
 * equal to defaultRequest. Container items are checked after the apiserver's defaulting (default from max,
 * defaultRequest from default, then from min).
 */
export const limitRangeValues: ObjectRule = {
  id: "limit-range-values",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "LimitRange items keep min ≤ defaultRequest ≤ default ≤ max per resource, a maxLimitRequestRatio between 1 and max/min, and default equal to defaultRequest for resources that cannot be overcommitted.",
  upstreamMessage: "spec.limits[0].defaultRequest[cpu]: Invalid value: …: default request value 2 is greater than default limit value 1",
  kinds: new Set(["LimitRange"]),
  check(object) {
    if (object.kind !== "LimitRange" || object.apiVersion !== "v1") return [];
    const problems: RuleProblem[] = [];
    asArray(asObject(object.object.spec)?.limits).forEach((value, index) => {
      const item = asObject(value);
      if (item === undefined) return;
      const path = ["spec", "limits", index];
      const pod = item.type === "Pod";
      const fields = new Map<Field, Map<string, Written>>();
      const names: string[] = [];
      for (const field of FIELDS) {
        const entries = new Map<string, Written>();
        fields.set(field, entries);
        if (pod && (field === "default" || field === "defaultRequest")) continue;
        for (const [name, text] of Object.entries(asObject((item as PlainObject)[field]) ?? {})) {
          if (!names.includes(name)) names.push(name);
          const parsed = quantityValue(text);
          if (parsed !== undefined) entries.set(name, { text, value: parsed });
        }
      }
      for (const name of names) {
        const min = fields.get("min")!.get(name);
        const max = fields.get("max")!.get(name);
        const limit = fields.get("default")!.get(name);
        const request = fields.get("defaultRequest")!.get(name);
        const ratio = fields.get("maxLimitRequestRatio")!.get(name);
        const text = (q: Written): string => formatQuantity(q.value);
        const report = (field: Field, shown: Written, message: string): void => {
          problems.push({ path: [...path, field, key(name)], message: `Invalid value: ${goQuantity(shown.text)}: ${message}` });
        };
        if (min && max && compareQuantityValues(min.value, max.value) > 0) report("min", min, `min value ${text(min)} is greater than max value ${text(max)}`);
        if (request && min && compareQuantityValues(min.value, request.value) > 0) report("defaultRequest", request, `min value ${text(min)} is greater than default request value ${text(request)}`);
        if (request && max && compareQuantityValues(request.value, max.value) > 0) report("defaultRequest", request, `default request value ${text(request)} is greater than max value ${text(max)}`);
        if (request && limit && compareQuantityValues(request.value, limit.value) > 0) report("defaultRequest", request, `default request value ${text(request)} is greater than default limit value ${text(limit)}`);
        if (limit && min && compareQuantityValues(min.value, limit.value) > 0) report("default", min, `min value ${text(min)} is greater than default value ${text(limit)}`);
        if (limit && max && compareQuantityValues(limit.value, max.value) > 0) report("default", max, `default value ${text(limit)} is greater than max value ${text(max)}`);
        if (ratio && compareQuantityValues(ratio.value, { digits: 1n, exponent: 0, format: "DecimalSI" }) < 0) report("maxLimitRequestRatio", ratio, `ratio ${text(ratio)} is less than 1`);
        if (ratio && min && max) {
          let ratioValue = Number(quantityInteger(ratio.value));
          let minValue = quantityInteger(min.value);
          let maxValue = quantityInteger(max.value);
          if (quantityInteger(ratio.value) < MAX_MILLI_VALUE && minValue < MAX_MILLI_VALUE && maxValue < MAX_MILLI_VALUE) {
            ratioValue = Number(milli(ratio.value)) / 1000;
            minValue = milli(min.value);
            maxValue = milli(max.value);
          }
          const ratioLimit = Number(maxValue) / Number(minValue);
          if (ratioValue > ratioLimit) report("maxLimitRequestRatio", ratio, `ratio ${text(ratio)} is greater than max/min = ${goFloat(ratioLimit)}`);
        }
        if (!isOvercommitAllowed(name) && limit && request && compareQuantityValues(limit.value, request.value) !== 0) {
          report("defaultRequest", request, `default value ${text(limit)} must equal to defaultRequest value ${text(request)} in ${name}`);
        }
      }
    });
    return problems;
  },
};
