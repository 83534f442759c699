export { clusterBackupObjects, restoreObjects } from "./backup-objects.ts";
export { buildVeleroSchedule, type VeleroScheduleDocument } from "./velero-schedule.ts";
export { buildVeleroRestore, type VeleroRestoreDocument } from "./velero-restore.ts";
export { buildVolumeSnapshotClass, CSI_DRIVERS, VELERO_SNAPSHOT_CLASS_LABEL, type VolumeSnapshotClassDocument } from "./volume-snapshot-class.ts";
export { veleroAddon, VELERO_CHART, VELERO_PLUGINS } from "./velero-addon.ts";
export { backupBucket, scheduleName, restoreName, statefulServicesByTenant, OWN_BACKUP_LOCATION, VELERO_NAMESPACE } from "./velero-names.ts";
