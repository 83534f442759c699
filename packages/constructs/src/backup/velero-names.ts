import type { EnvironmentModel } from "@cloudlab/model";

/** The namespace Velero runs in; its Schedules and Restores live there too. */
export const VELERO_NAMESPACE = "velero";

/** The BackupStorageLocation each cluster writes its own backups to. */
export const OWN_BACKUP_LOCATION = "default";

/** The object storage bucket of an environment's backups (S3 on EKS, GCS on GKE), created out of band. */
export function backupBucket(environment: string): string {
  return `cloudlab-velero-${environment}`;
}

/**
 * The daily Schedule of a tenant in an environment: `<tenant>-<environment>`. The environment is in the name because
 * a DR cluster sees the primary's backups too (through a read-only location) and restores by schedule name.
 */
export function scheduleName(tenant: string, environment: string): string {
  return `${tenant}-${environment}`;
}

/** The Restore template of a tenant in a DR environment: `<tenant>-from-<primary environment>`. */
export function restoreName(tenant: string, from: string): string {
  return `${tenant}-from-${from}`;
}

/** The stateful services running in an environment, by tenant; tenants and services sorted by name. */
export function statefulServicesByTenant(model: EnvironmentModel): Map<string, string[]> {
  const byTenant = new Map<string, string[]>();
  for (const service of model.services) {
    if (service.workload !== "stateful") continue;
    byTenant.set(service.tenant, [...(byTenant.get(service.tenant) ?? []), service.name].sort());
  }
  return new Map([...byTenant.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
