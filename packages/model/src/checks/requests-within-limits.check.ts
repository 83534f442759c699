import { parseQuantity } from "../quantity.ts";
import type { ServiceCheck } from "./service-check.ts";

export const requestsWithinLimits: ServiceCheck = {
  id: "service/requests-within-limits",
  description: "Each resource request is at most its limit.",
  check({ resources }) {
    if (resources === undefined) return [];
    const problems = [];
    for (const resource of ["cpu", "memory"] as const) {
      const request = resources.requests[resource];
      const limit = resources.limits[resource];
      if (parseQuantity(request) > parseQuantity(limit)) {
        problems.push({ path: `resources.requests.${resource}`, message: `"${request}" is more than the limit "${limit}"` });
      }
    }
    return problems;
  },
};
