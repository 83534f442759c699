import type { ResolvedEnvironment } from "@cloudlab/model";
import type { Addon } from "../delivery/addons.ts";
import { backupBucket, OWN_BACKUP_LOCATION, VELERO_NAMESPACE } from "./velero-names.ts";

/** The Velero chart (vmware-tanzu/helm-charts 7.2.1 = Velero 1.14.1, whose CSI support is built in). */
export const VELERO_CHART = { repoUrl: "https://vmware-tanzu.github.io/helm-charts", repoName: "vmware-tanzu", chart: "velero", version: "7.2.1" } as const;

/** The object store plugin per provider, at the version matching Velero 1.14. */
export const VELERO_PLUGINS = {
  eks: { name: "velero-plugin-for-aws", image: "velero/velero-plugin-for-aws:v1.10.1", provider: "aws" },
  gke: { name: "velero-plugin-for-gcp", image: "velero/velero-plugin-for-gcp:v1.10.1", provider: "gcp" },
} as const;

/** A BackupStorageLocation of the chart's values. */
interface StorageLocation {
  readonly name: string;
  readonly provider: string;
  readonly bucket: string;
  readonly default: boolean;
  readonly accessMode: "ReadWrite" | "ReadOnly";
  readonly config: Readonly<Record<string, string>>;
}

function location(environment: ResolvedEnvironment, name: string, owner: string, region: string, accessMode: StorageLocation["accessMode"]): StorageLocation {
  const provider = VELERO_PLUGINS[environment.cluster.provider].provider;
  return {
    name,
    provider,
    bucket: backupBucket(owner),
    default: accessMode === "ReadWrite",
    accessMode,
    // S3 buckets are regional; GCS needs no region.
    config: provider === "aws" ? { region } : {},
  };
}

/**
 * The Velero add-on of an environment whose backups are on: the pinned chart with the provider's object store plugin,
 * the environment's own bucket as the default (read-write) location and each same-stage peer's bucket read-only (a DR
 * cluster restores the primary's backups from it, and after a failover the other way round), CSI snapshots (the
 * `EnableCSI` feature, the node agent that moves snapshot data into the bucket so it can be restored in another
 * region), and cloud credentials from an existing Secret, which is never rendered.
 */
export function veleroAddon(environment: ResolvedEnvironment): Addon | undefined {
  if (!environment.backups.enabled) return undefined;
  const plugin = VELERO_PLUGINS[environment.cluster.provider];
  const locations = [
    location(environment, OWN_BACKUP_LOCATION, environment.name, environment.cluster.region, "ReadWrite"),
    ...environment.peers.map((peer) => location(environment, peer.name, peer.name, peer.region, "ReadOnly")),
  ];
  return {
    name: "velero",
    namespace: VELERO_NAMESPACE,
    source: { kind: "helm", ...VELERO_CHART },
    wave: -3,
    serverSideApply: false,
    dependsOn: [],
    values: {
      initContainers: [{ name: plugin.name, image: plugin.image, imagePullPolicy: "IfNotPresent", volumeMounts: [{ mountPath: "/target", name: "plugins" }] }],
      configuration: {
        backupStorageLocation: locations,
        // Volumes are snapshotted through CSI and their data moved into the bucket: no provider snapshot location.
        volumeSnapshotLocation: [],
        features: "EnableCSI",
        defaultSnapshotMoveData: true,
      },
      snapshotsEnabled: false,
      deployNodeAgent: true,
      credentials: { useSecret: true, existingSecret: environment.backups.credentialsSecret },
    },
  };
}
