import type { EnvironmentSpec } from "./spec/environment-spec.ts";
import type { ServiceOverride, ServiceSpec } from "./spec/service-spec.ts";

/** Finds a service's override in an environment: keyed `tenant/name`, or `name` alone. */
export function overrideFor(environment: EnvironmentSpec, service: ServiceSpec): ServiceOverride | undefined {
  const overrides = environment.overrides ?? {};
  return overrides[`${service.tenant}/${service.name}`] ?? overrides[service.name];
}
