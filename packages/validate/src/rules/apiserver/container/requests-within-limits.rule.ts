import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { isOvercommitAllowed } from "../../../support/container-resources.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { compareQuantityValues, formatQuantity, quantityValue } from "../../../support/quantity-format.ts";
import { asObject } from "../../../support/values.ts";

/**
 * A container's request of a resource is at most its limit (compared exactly, as quantities); for resources that
 * cannot be overcommitted (huge pages, extended resources such as `nvidia.com/gpu`) it equals the limit, and a limit
 * is required. A limit without a request defaults the request to the limit first. The apiserver reports the request
 * at `resources.requests` (not at the resource's key) and prints quantities in canonical form (`2000m` as `2`).
 */
export const requestsWithinLimits: ObjectRule = {
  id: "requests-within-limits",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Every container's resource request is at most its limit (equal to it, with the limit set, for huge pages and extended resources).",
  upstreamMessage: 'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      const resources = asObject(container.resources);
      const requests = asObject(resources?.requests) ?? {};
      const limits = asObject(resources?.limits) ?? {};
      for (const [name, requestValue] of Object.entries(requests)) {
        const request = quantityValue(requestValue);
        if (request === undefined) continue;
        if (!(name in limits)) {
          if (!isOvercommitAllowed(name)) problems.push({ path: [...path, "resources", "limits"], message: required("Limit must be set for non overcommitable resources") });
          continue;
        }
        const limit = quantityValue(limits[name]);
        if (limit === undefined) continue;
        const order = compareQuantityValues(request, limit);
        const where = [...path, "resources", "requests"];
        if (order !== 0 && !isOvercommitAllowed(name)) {
          problems.push({ path: where, message: invalid(formatQuantity(request), `must be equal to ${name} limit of ${formatQuantity(limit)}`) });
        } else if (order > 0) {
          problems.push({ path: where, message: invalid(formatQuantity(request), `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`) });
        }
      }
    }
    return problems;
  },
};
