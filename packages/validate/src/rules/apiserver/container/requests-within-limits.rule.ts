import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { containersOf, podSpecOf } from "../../../support/pod-spec.ts";
import { compareQuantities } from "../../../support/quantity.ts";
import { asObject } from "../../../support/values.ts";

function quantityText(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

/**
 * A container's request of a resource is at most its limit of that resource (compared exactly, as quantities). A
 * limit without a request defaults the request to the limit first.
 */
export const requestsWithinLimits: ObjectRule = {
  id: "requests-within-limits",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Every container's resource request is less than or equal to its limit of the same resource.",
  upstreamMessage: 'spec.containers[0].resources.requests[cpu]: Invalid value: "2": must be less than or equal to cpu limit of 1',
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      const resources = asObject(container.resources);
      const requests = asObject(resources?.requests) ?? {};
      const limits = asObject(resources?.limits) ?? {};
      for (const [name, requestValue] of Object.entries(requests)) {
        const request = quantityText(requestValue);
        const limit = quantityText(limits[name]);
        if (request === undefined || limit === undefined) continue;
        if ((compareQuantities(request, limit) ?? 0) > 0) {
          problems.push({ path: [...path, "resources", "requests", key(name)], message: invalid(request, `must be less than or equal to ${name} limit of ${limit}`) });
        }
      }
    }
    return problems;
  },
};
