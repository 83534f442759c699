import type { ResolvedEnvironment, ResolvedTenant } from "@cloudlab/model";
import { SchemaCheckedObject } from "../cluster-definition/schema-checked-object.ts";
import { tenantLabels } from "../labels.ts";
import schema from "./schemas/velero-schedule.schema.json" with { type: "json" };
import { OWN_BACKUP_LOCATION, scheduleName, VELERO_NAMESPACE } from "./velero-names.ts";

export interface VeleroScheduleDocument {
  readonly apiVersion: "velero.io/v1";
  readonly kind: "Schedule";
  readonly metadata: { readonly name: string; readonly namespace: string; readonly labels: Readonly<Record<string, string>> };
  readonly spec: {
    readonly schedule: string;
    readonly useOwnerReferencesInBackup: false;
    readonly template: {
      readonly includedNamespaces: readonly string[];
      readonly snapshotVolumes: true;
      readonly snapshotMoveData: true;
      readonly storageLocation: string;
      readonly ttl: string;
    };
  };
}

/**
 * The daily backup of a tenant's namespace in one environment (`<tenant>-<environment>` in `velero`): every object of
 * the namespace, its volumes snapshotted through CSI and the snapshot data moved into the environment's bucket, kept
 * for the environment's retention (`720h` in prod). Backups outlive the Schedule (no owner references), so deleting
 * the Schedule, or the tenant, does not delete them.
 */
export function buildVeleroSchedule(tenant: ResolvedTenant, environment: ResolvedEnvironment): SchemaCheckedObject<VeleroScheduleDocument> {
  return new SchemaCheckedObject<VeleroScheduleDocument>(schema, {
    apiVersion: "velero.io/v1",
    kind: "Schedule",
    metadata: { name: scheduleName(tenant.name, environment.name), namespace: VELERO_NAMESPACE, labels: tenantLabels(tenant) },
    spec: {
      schedule: environment.backups.schedule,
      useOwnerReferencesInBackup: false,
      template: {
        includedNamespaces: [tenant.name],
        snapshotVolumes: true,
        snapshotMoveData: true,
        storageLocation: OWN_BACKUP_LOCATION,
        ttl: environment.backups.retention,
      },
    },
  });
}
