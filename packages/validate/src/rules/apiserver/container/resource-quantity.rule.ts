import type { FieldPath } from "../../../field-path.ts";
import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden, invalid } from "../../../support/apiserver-validation.ts";
import { isHugePageResourceName, isIntegerResourceName, writtenRequests } from "../../../support/container-resources.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { formatQuantity, isWholeQuantity, quantityInteger, quantitySign, quantityValue, type QuantityValue } from "../../../support/quantity-format.ts";
import { asObject } from "../../../support/values.ts";

/** Whether a huge page quantity is a whole number of pages of the resource's size (helper.IsHugePageResourceValueDivisible). */
function isWholePages(name: string, quantity: QuantityValue): boolean {
  const pageSize = quantityValue(name.slice("hugepages-".length));
  if (pageSize === undefined || quantitySign(pageSize) <= 0 || !isWholeQuantity(pageSize)) return false;
  return quantityInteger(quantity) % quantityInteger(pageSize) === 0n;
}

function quantityProblems(name: string, written: unknown, where: FieldPath, problems: RuleProblem[]): void {
  const quantity = quantityValue(written);
  if (quantity === undefined) return;
  const text = formatQuantity(quantity);
  if (quantitySign(quantity) < 0) problems.push({ path: where, message: invalid(text, "must be greater than or equal to 0") });
  if (isIntegerResourceName(name) && !isWholeQuantity(quantity)) problems.push({ path: where, message: invalid(text, "must be an integer") });
  if (isHugePageResourceName(name) && !isWholePages(name, quantity)) problems.push({ path: where, message: invalid(text, `${text} is not positive integer multiple of ${name}`) });
}

/**
 * Container resource quantities are not negative; extended resources (`example.com/gpu`) are whole numbers; huge
 * pages are whole multiples of their page size and come with a cpu or memory request or limit. Requests the
 * apiserver defaulted from limits are judged once, at the limit.
 */
export const resourceQuantity: ObjectRule = {
  id: "resource-quantity",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Container resource quantities are not negative, extended resources whole, huge pages whole pages alongside cpu or memory.",
  upstreamMessage: 'spec.containers[0].resources.limits[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      const resources = asObject(container.resources);
      if (resources === undefined) continue;
      const limits = asObject(resources.limits) ?? {};
      const requests = asObject(resources.requests) ?? {};
      const written = writtenRequests(object.raw, path);
      for (const [name, value] of Object.entries(limits)) quantityProblems(name, value, [...path, "resources", "limits", key(name)], problems);
      for (const [name, value] of Object.entries(requests)) if (name in written) quantityProblems(name, value, [...path, "resources", "requests", key(name)], problems);
      const names = [...Object.keys(limits), ...Object.keys(requests)];
      if (names.some(isHugePageResourceName) && !names.some((n) => n === "cpu" || n === "memory")) {
        problems.push({ path: [...path, "resources"], message: forbidden("HugePages require cpu or memory") });
      }
    }
    return problems;
  },
};
