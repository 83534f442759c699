import type { EnvironmentModel } from "@cloudlab/model";
import type { ModelObject } from "../model-object.ts";
import { buildVeleroRestore } from "./velero-restore.ts";
import { buildVeleroSchedule } from "./velero-schedule.ts";
import { statefulServicesByTenant } from "./velero-names.ts";
import { buildVolumeSnapshotClass } from "./volume-snapshot-class.ts";

/**
 * The backup objects synced into a cluster (`_cluster/`) when its backups are on: the VolumeSnapshotClass Velero
 * snapshots with, and a daily Schedule for each tenant that runs stateful services there. Both prod clusters get
 * them, so the DR cluster is backed up from the moment it takes traffic.
 */
export function clusterBackupObjects(model: EnvironmentModel): ModelObject[] {
  const { environment, tenants } = model;
  if (!environment.backups.enabled) return [];
  const stateful = statefulServicesByTenant(model);
  return [
    buildVolumeSnapshotClass(environment),
    ...tenants.filter((tenant) => stateful.has(tenant.name)).map((tenant) => buildVeleroSchedule(tenant, environment)),
  ];
}

/**
 * The Restore templates of a DR environment (rendered into `_infra/`, applied by hand, never synced): one per tenant
 * whose stateful services run there, restoring the primary's latest backup. None when the environment is not a DR
 * cluster, has no primary peer, or has backups (and so Velero) off.
 */
export function restoreObjects(model: EnvironmentModel): ModelObject[] {
  const { environment, tenants } = model;
  const primary = environment.peers.find((peer) => peer.role === "primary");
  if (environment.cluster.role !== "dr" || primary === undefined || !environment.backups.enabled) return [];
  const stateful = statefulServicesByTenant(model);
  return tenants.flatMap((tenant) => {
    const services = stateful.get(tenant.name);
    return services === undefined ? [] : [buildVeleroRestore(tenant, services, primary.name)];
  });
}
