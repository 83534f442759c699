import type { ResolvedEnvironment } from "@cloudlab/model";
import { SchemaCheckedObject } from "../cluster-definition/schema-checked-object.ts";
import { PLATFORM_LABELS } from "../objects/ingress-gateway.ts";
import schema from "./schemas/volume-snapshot-class.schema.json" with { type: "json" };

/** The CSI driver of each provider's block volumes. */
export const CSI_DRIVERS = { eks: "ebs.csi.aws.com", gke: "pd.csi.storage.gke.io" } as const;

/** The label by which Velero picks the VolumeSnapshotClass of a driver. */
export const VELERO_SNAPSHOT_CLASS_LABEL = "velero.io/csi-volumesnapshot-class";

export interface VolumeSnapshotClassDocument {
  readonly apiVersion: "snapshot.storage.k8s.io/v1";
  readonly kind: "VolumeSnapshotClass";
  readonly metadata: { readonly name: string; readonly labels: Readonly<Record<string, string>> };
  readonly driver: string;
  readonly deletionPolicy: "Delete";
}

/**
 * The VolumeSnapshotClass Velero snapshots the cluster's volumes with (labelled for Velero, for the provider's CSI
 * driver). `Delete`: the snapshot is only a staging copy; its data is moved into the backup bucket.
 */
export function buildVolumeSnapshotClass(environment: ResolvedEnvironment): SchemaCheckedObject<VolumeSnapshotClassDocument> {
  return new SchemaCheckedObject<VolumeSnapshotClassDocument>(schema, {
    apiVersion: "snapshot.storage.k8s.io/v1",
    kind: "VolumeSnapshotClass",
    metadata: { name: "velero-snapshots", labels: { ...PLATFORM_LABELS, [VELERO_SNAPSHOT_CLASS_LABEL]: "true" } },
    driver: CSI_DRIVERS[environment.cluster.provider],
    deletionPolicy: "Delete",
  });
}
