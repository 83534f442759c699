import type { EnvironmentSpec } from "./spec/environment-spec.ts";
import type { ServiceSpec } from "./spec/service-spec.ts";
import type { TenantSpec } from "./spec/tenant-spec.ts";

/** A spec with the file that declares it (for error messages and ownership). */
export interface Sourced<T> {
  /** The declared spec, as written (unchecked: it may come from a file that only claims to type-check). */
  readonly spec: T;
  /** The declaring file, relative to the working directory, e.g. `apps/platform/services/boutique/frontend.ts`. */
  readonly file: string;
}

/** Everything a platform declares: the input of `resolvePlatform`. */
export interface PlatformDefinition {
  /** The tenants. */
  readonly tenants: readonly Sourced<TenantSpec>[];
  /** The services. */
  readonly services: readonly Sourced<ServiceSpec>[];
  /** The environments. */
  readonly environments: readonly Sourced<EnvironmentSpec>[];
}
