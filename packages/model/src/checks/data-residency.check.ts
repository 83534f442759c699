import type { ServiceCheck } from "./service-check.ts";

export const dataResidency: ServiceCheck = {
  id: "service/data-residency",
  description: "A service with `allowedRegions` is rendered only into clusters in those regions.",
  check({ allowedRegions }, { environment }) {
    if (allowedRegions === undefined || allowedRegions.includes(environment.cluster.region)) return [];
    return [
      {
        path: "allowedRegions",
        message: `the service may only run in ${allowedRegions.join(", ")}, but ${environment.name} is in ${environment.cluster.region}: disable it there with an override`,
      },
    ];
  },
};
