import { describe, expect, it } from "vitest";
import { addonsFor, veleroAddon } from "../../src/index.ts";
import { modelOf } from "../fixtures.ts";
import { gkeModel } from "../cluster-definition/helpers.ts";

describe("veleroAddon", () => {
  it("is installed where backups are on: staging and prod, not dev", () => {
    expect(addonsFor(modelOf("dev").environment).some((a) => a.name === "velero")).toBe(false);
    for (const environment of ["staging", "prod-us-west-2", "prod-us-east-1"]) {
      expect(addonsFor(modelOf(environment).environment).find((a) => a.name === "velero"), environment).toMatchObject({ namespace: "velero", wave: -3 });
    }
  });

  it("pins the vmware-tanzu chart 7.2.1 (Velero 1.14.1) and the AWS plugin matching it", () => {
    const addon = veleroAddon(modelOf("prod-us-west-2").environment)!;
    expect(addon.source).toEqual({ kind: "helm", repoUrl: "https://vmware-tanzu.github.io/helm-charts", repoName: "vmware-tanzu", chart: "velero", version: "7.2.1" });
    expect(addon.values.initContainers).toEqual([
      { name: "velero-plugin-for-aws", image: "velero/velero-plugin-for-aws:v1.10.1", imagePullPolicy: "IfNotPresent", volumeMounts: [{ mountPath: "/target", name: "plugins" }] },
    ]);
  });

  it("writes to the environment's own bucket and reads its prod peer's, so the DR cluster can restore the primary's backups", () => {
    const addon = veleroAddon(modelOf("prod-us-east-1").environment)!;
    expect((addon.values.configuration as Record<string, unknown>).backupStorageLocation).toEqual([
      { name: "default", provider: "aws", bucket: "cloudlab-velero-prod-us-east-1", default: true, accessMode: "ReadWrite", config: { region: "us-east-1" } },
      { name: "prod-us-west-2", provider: "aws", bucket: "cloudlab-velero-prod-us-west-2", default: false, accessMode: "ReadOnly", config: { region: "us-west-2" } },
    ]);
    expect(veleroAddon(modelOf("staging").environment)!.values.configuration).toMatchObject({
      backupStorageLocation: [{ name: "default", bucket: "cloudlab-velero-staging", accessMode: "ReadWrite" }],
    });
  });

  it("snapshots through CSI with the node agent moving the data into the bucket", () => {
    const values = veleroAddon(modelOf("prod-us-west-2").environment)!.values;
    expect(values).toMatchObject({ deployNodeAgent: true, snapshotsEnabled: false, configuration: { features: "EnableCSI", defaultSnapshotMoveData: true, volumeSnapshotLocation: [] } });
  });

  it("takes credentials from an existing Secret by name, never from values in Git", () => {
    const values = veleroAddon(modelOf("prod-us-west-2").environment)!.values;
    expect(values.credentials).toEqual({ useSecret: true, existingSecret: "velero-credentials" });
    expect(JSON.stringify(values)).not.toMatch(/secretContents|aws_access_key_id|aws_secret_access_key|private_key/);
  });

  it("uses the GCP plugin and GCS buckets (no region) on GKE", () => {
    const addon = veleroAddon(gkeModel("prod-us-east4").environment)!;
    expect(addon.values.initContainers).toMatchObject([{ name: "velero-plugin-for-gcp", image: "velero/velero-plugin-for-gcp:v1.10.1" }]);
    expect((addon.values.configuration as Record<string, unknown>).backupStorageLocation).toEqual([
      { name: "default", provider: "gcp", bucket: "cloudlab-velero-prod-us-east4", default: true, accessMode: "ReadWrite", config: {} },
      { name: "prod-us-central1", provider: "gcp", bucket: "cloudlab-velero-prod-us-central1", default: false, accessMode: "ReadOnly", config: {} },
    ]);
  });
});
