import type { EnvironmentSpec } from "./spec/environment-spec.ts";
import type { ServiceSpec } from "./spec/service-spec.ts";
import type { TenantSpec } from "./spec/tenant-spec.ts";

/**
 * Declares a service. The spec is checked when the platform is loaded (against the JSON Schema generated from
 * `ServiceSpec` and the platform's cross-checks), so a file that type-checks can still be refused with a message
 * naming the field.
 */
export function defineService(spec: ServiceSpec): ServiceSpec {
  return spec;
}

/** Declares a tenant: a namespace owned by one team. */
export function defineTenant(spec: TenantSpec): TenantSpec {
  return spec;
}

/** Declares an environment: one stage on one cluster. */
export function defineEnvironment(spec: EnvironmentSpec): EnvironmentSpec {
  return spec;
}
