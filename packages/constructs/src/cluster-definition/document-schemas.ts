import veleroRestore from "../backup/schemas/velero-restore.schema.json" with { type: "json" };
import veleroSchedule from "../backup/schemas/velero-schedule.schema.json" with { type: "json" };
import volumeSnapshotClass from "../backup/schemas/volume-snapshot-class.schema.json" with { type: "json" };
import configConnectorContainerCluster from "./schemas/config-connector-container-cluster.schema.json" with { type: "json" };
import configConnectorContainerNodePool from "./schemas/config-connector-container-node-pool.schema.json" with { type: "json" };
import eksctlClusterConfig from "./schemas/eksctl-cluster-config.schema.json" with { type: "json" };

/**
 * The JSON Schemas of the rendered documents without a kubernetes-models class, by name. A schema listed here has its
 * validator compiled ahead of time in the compiled CLI (`document-validators.ajv.ts`); one that is not is compiled
 * when first used.
 */
export const DOCUMENT_SCHEMAS = {
  veleroRestore,
  veleroSchedule,
  volumeSnapshotClass,
  configConnectorContainerCluster,
  configConnectorContainerNodePool,
  eksctlClusterConfig,
} as const;
