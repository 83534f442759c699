import type { Name, Quantity, TenantName } from "./primitives.ts";
import type { SecretSpec } from "./secret-spec.ts";

/** The namespace-wide ceiling on what a tenant's pods may request and use (a ResourceQuota). */
export interface QuotaSpec {
  /** Sum of CPU requests, e.g. `4`. */
  readonly requestsCpu: Quantity;
  /** Sum of memory requests, e.g. `8Gi`. */
  readonly requestsMemory: Quantity;
  /** Sum of CPU limits, e.g. `8`. */
  readonly limitsCpu: Quantity;
  /** Sum of memory limits, e.g. `16Gi`. */
  readonly limitsMemory: Quantity;
}

/** A tenant: one namespace, owned by one team, holding that team's services. */
export interface TenantSpec {
  /** The tenant's name, which is also its namespace. */
  readonly name: TenantName;
  /** The team that owns the tenant's namespace-wide objects. */
  readonly team: Name;
  /**
   * One line saying what the tenant is.
   * @default no description
   */
  readonly description?: string;
  /**
   * The tenant's ResourceQuota, named `<tenant>-quota`.
   * @default no quota
   */
  readonly quota?: QuotaSpec;
  /**
   * Secrets shared by the tenant's services, rendered as ExternalSecrets into `<tenant>/_tenant/`.
   * @default no shared secrets
   */
  readonly secrets?: readonly SecretSpec[];
}
