import { parseQuantity } from "../../quantity.ts";
import type { Resources } from "../../spec/primitives.ts";
import type { SpecError } from "../../spec-error.ts";
import { environmentError, type CheckedEnvironment, type EnvironmentsCheck } from "./environments-check.ts";

function overLimits(environment: CheckedEnvironment, field: "resources" | "sidecarResources", resources: Resources | undefined): SpecError[] {
  if (resources === undefined) return [];
  return (["cpu", "memory"] as const).flatMap((resource) => {
    const request = resources.requests[resource];
    const limit = resources.limits[resource];
    if (parseQuantity(request) <= parseQuantity(limit)) return [];
    return [environmentError(environment, `defaults.${field}.requests.${resource}`, `"${request}" is more than the limit "${limit}"`)];
  });
}

/**
 * An environment's default resources become its tenants' LimitRange defaults (whether or not a service uses them),
 * and its sidecar resources every pod's `sidecar.istio.io/proxy*` annotations: a default request above its limit is
 * refused by the API server (the LimitRange) or by the sidecar injector. `service/requests-within-limits` judges a
 * service's own resources.
 */
export const defaultResources: EnvironmentsCheck = {
  id: "environments/default-resources",
  description: "An environment's default container and sidecar resources request at most their limits.",
  check({ environments }) {
    return environments.flatMap((environment) => [
      ...overLimits(environment, "resources", environment.spec.defaults?.resources),
      ...overLimits(environment, "sidecarResources", environment.spec.defaults?.sidecarResources),
    ]);
  },
};
