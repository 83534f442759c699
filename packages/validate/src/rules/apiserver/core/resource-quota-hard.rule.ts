import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { isIntegerResourceName, quotaResourceNameErrors } from "../../../support/core-resources.ts";
import { goQuantity } from "../../../support/core-values.ts";
import { formatQuantity, quantityValue, type QuantityValue } from "../../../support/quantity-format.ts";
import { asObject, at } from "../../../support/values.ts";

/** `MilliValue() % 1000 != 0`: the value in thousandths, rounded away from zero, is not a whole number of units. */
function isFractional(value: QuantityValue): boolean {
  const exponent = value.exponent + 3;
  if (exponent >= 0) return (value.digits * 10n ** BigInt(exponent)) % 1000n !== 0n;
  const factor = 10n ** BigInt(-exponent);
  let milli = value.digits / factor;
  if (value.digits % factor !== 0n) milli += value.digits < 0n ? -1n : 1n;
  return milli % 1000n !== 0n;
}

/**
 * A ResourceQuota's `spec.hard` names resources a quota can track (standard quota resources, huge pages, or
 * prefixed names), with non-negative amounts, whole numbers for object counts and extended resources.
 */
export const resourceQuotaHard: ObjectRule = {
  id: "resource-quota-hard",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "ResourceQuota hard limits name quota resources and are non-negative, and whole numbers for object counts and extended resources.",
  upstreamMessage: 'spec.hard[storage]: Invalid value: "storage": must be a standard resource for quota',
  kinds: new Set(["ResourceQuota"]),
  check(object) {
    if (object.kind !== "ResourceQuota" || object.apiVersion !== "v1") return [];
    const hard = asObject(at(object.object, "spec", "hard"));
    if (hard === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const [name, written] of Object.entries(hard)) {
      const path = ["spec", "hard", key(name)];
      for (const message of quotaResourceNameErrors(name)) problems.push({ path, message: invalid(name, message) });
      const value = quantityValue(written);
      if (value === undefined) continue;
      if (value.digits < 0n) problems.push({ path, message: invalid(formatQuantity(value), "must be greater than or equal to 0") });
      if (isIntegerResourceName(name) && isFractional(value)) problems.push({ path, message: `Invalid value: ${goQuantity(written)}: must be an integer` });
    }
    return problems;
  },
};
