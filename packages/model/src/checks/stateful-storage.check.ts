import type { ServiceCheck } from "./service-check.ts";

export const statefulStorage: ServiceCheck = {
  id: "service/stateful-storage",
  description: "A stateful service declares `storage`; a stateless one does not.",
  check({ workload = "stateless", storage }) {
    if (workload === "stateful" && storage === undefined) {
      return [{ path: "storage", message: "is required for a stateful service" }];
    }
    if (workload === "stateless" && storage !== undefined) {
      return [{ path: "storage", message: `is only allowed with workload "stateful"` }];
    }
    return [];
  },
};
