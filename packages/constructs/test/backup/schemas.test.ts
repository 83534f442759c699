import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import restoreSchema from "../../src/backup/schemas/velero-restore.schema.json" with { type: "json" };
import scheduleSchema from "../../src/backup/schemas/velero-schedule.schema.json" with { type: "json" };
import snapshotClassSchema from "../../src/backup/schemas/volume-snapshot-class.schema.json" with { type: "json" };
import { clusterBackupObjects, restoreObjects } from "../../src/index.ts";
import { modelOf } from "../fixtures.ts";
import { schemaTable } from "../schema-table.ts";
import { documentOf } from "../cluster-definition/helpers.ts";

it("the Velero and snapshot schemas compile under ajv's strict mode", () => {
  for (const schema of [scheduleSchema, restoreSchema, snapshotClassSchema]) expect(() => new Ajv({ strict: true }).compile(schema)).not.toThrow();
});

describe("Velero Schedule schema", () => {
  schemaTable(scheduleSchema, () => documentOf(clusterBackupObjects(modelOf("prod-us-west-2"))[1]!), [
    ["a retention in days", (d) => (d.spec.template.ttl = "30d"), [{ path: "spec.template.ttl", message: '"30d" does not match ^[1-9][0-9]*h$' }]],
    ["a schedule outside the velero namespace", (d) => (d.metadata.namespace = "shop"), [{ path: "metadata.namespace", message: 'must be "velero", got "shop"' }]],
    ["volume snapshots off", (d) => (d.spec.template.snapshotVolumes = false), [{ path: "spec.template.snapshotVolumes", message: "must be true, got false" }]],
    ["a name over 63 characters", (d) => (d.metadata.name = "a".repeat(64)), [{ path: "metadata.name", message: `"${"a".repeat(64)}" does not match ^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$` }]],
    ["a misspelt template field", (d) => (d.spec.template.includeNamespaces = ["shop"]), [{ path: "spec.template.includeNamespaces", message: "unknown field" }]],
    ["a cron expression of six fields", (d) => (d.spec.schedule = "0 0 3 * * *"), [{ path: "spec.schedule", message: '"0 0 3 * * *" does not match ^[0-9*,/-]+( [0-9*,/-]+){4}$' }]],
    ["no namespace to back up", (d) => (d.spec.template.includedNamespaces = []), [{ path: "spec.template.includedNamespaces", message: "must NOT have fewer than 1 items" }]],
  ]);
});

describe("Velero Restore schema", () => {
  schemaTable(restoreSchema, () => documentOf(restoreObjects(modelOf("prod-us-east-1"))[0]!), [
    ["a restore of a named backup instead of the schedule's latest", (d) => {
      delete d.spec.scheduleName;
      d.spec.backupName = "shop-prod-us-west-2-20240101030000";
    }, [{ path: "spec.scheduleName", message: "is required" }, { path: "spec.backupName", message: "unknown field" }]],
    ["restoring more than volume claims", (d) => d.spec.includedResources.push("deployments"), [
      { path: "spec.includedResources[1]", message: '"deployments" is not one of: persistentvolumeclaims' },
    ]],
    ["overwriting live objects", (d) => (d.spec.existingResourcePolicy = "update"), [{ path: "spec.existingResourcePolicy", message: 'must be "none", got "update"' }]],
    ["two namespaces", (d) => d.spec.includedNamespaces.push("storefront"), [{ path: "spec.includedNamespaces", message: "must NOT have more than 1 items" }]],
  ]);
});

describe("VolumeSnapshotClass schema", () => {
  schemaTable(snapshotClassSchema, () => documentOf(clusterBackupObjects(modelOf("prod-us-west-2"))[0]!), [
    ["a class Velero would not pick", (d) => delete d.metadata.labels["velero.io/csi-volumesnapshot-class"], [
      { path: "metadata.labels.velero.io/csi-volumesnapshot-class", message: "is required" },
    ]],
    ["an unknown driver", (d) => (d.driver = "efs.csi.aws.com"), [{ path: "driver", message: '"efs.csi.aws.com" is not one of: ebs.csi.aws.com, pd.csi.storage.gke.io' }]],
  ]);
});
