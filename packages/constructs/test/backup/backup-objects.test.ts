import { fileURLToPath } from "node:url";
import type { EnvironmentSpec, Sourced } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import { clusterBackupObjects, restoreObjects, validationMessages } from "../../src/index.ts";
import { cacheSpec, checkoutSpec, fixtureEnvironments, fixturePlatform, modelOf, resolveModels, sourcedEnvironment, sourcedService, webSpec } from "../fixtures.ts";
import { documentOf, EKS_ENVIRONMENTS, fileNameOf, gkeModel, goldenYaml, staleGoldens } from "../cluster-definition/helpers.ts";

function names(objects: ReturnType<typeof clusterBackupObjects>): string[] {
  return objects.map((o) => `${documentOf(o).kind}/${documentOf(o).metadata.name}`);
}

function environmentsWith(name: string, change: (spec: EnvironmentSpec) => EnvironmentSpec): Sourced<EnvironmentSpec>[] {
  return fixtureEnvironments().map((e) => (e.spec.name === name ? sourcedEnvironment(change(e.spec)) : e));
}

/** Golden files of every backup object of the fixture platforms, under golden/<env>/ (`npx vitest run -u`, then review). */
describe("backup objects: golden files", () => {
  const models = [...EKS_ENVIRONMENTS.map((name) => modelOf(name)), gkeModel("prod-us-central1"), gkeModel("prod-us-east4")];
  for (const model of models) {
    for (const object of [...clusterBackupObjects(model), ...restoreObjects(model)]) {
      it(`matches golden/${model.environment.name}/${fileNameOf(object)}`, async () => {
        await expect(goldenYaml(object)).toMatchFileSnapshot(`./golden/${model.environment.name}/${fileNameOf(object)}`);
      });
    }
    it(`has no stale golden file for ${model.environment.name}`, () => {
      const rendered = [...clusterBackupObjects(model), ...restoreObjects(model)].map(fileNameOf);
      expect(staleGoldens(fileURLToPath(new URL(`./golden/${model.environment.name}/`, import.meta.url)), rendered)).toEqual([]);
    });
  }
});

describe("clusterBackupObjects", () => {
  it("backs up only tenants that run stateful services: shop (cache), not storefront", () => {
    expect(names(clusterBackupObjects(modelOf("prod-us-west-2")))).toEqual(["VolumeSnapshotClass/velero-snapshots", "Schedule/shop-prod-us-west-2"]);
  });

  it("schedules in both prod clusters and staging, none in dev", () => {
    expect(names(clusterBackupObjects(modelOf("dev")))).toEqual([]);
    expect(names(clusterBackupObjects(modelOf("staging")))).toContain("Schedule/shop-staging");
    expect(names(clusterBackupObjects(modelOf("prod-us-west-2")))).toContain("Schedule/shop-prod-us-west-2");
    expect(names(clusterBackupObjects(modelOf("prod-us-east-1")))).toContain("Schedule/shop-prod-us-east-1");
  });

  it("keeps backups 30 days in prod (720h), 7 in staging (168h)", () => {
    const ttl = (environment: string) => documentOf(clusterBackupObjects(modelOf(environment))[1]!).spec.template.ttl;
    expect(ttl("prod-us-west-2")).toBe("720h");
    expect(ttl("prod-us-east-1")).toBe("720h");
    expect(ttl("staging")).toBe("168h");
  });

  it("runs daily at 03:00 UTC, the tenant's namespace only, volumes snapshotted and their data moved into the environment's bucket", () => {
    const schedule = documentOf(clusterBackupObjects(modelOf("prod-us-west-2"))[1]!);
    expect(schedule).toEqual({
      apiVersion: "velero.io/v1",
      kind: "Schedule",
      metadata: {
        name: "shop-prod-us-west-2",
        namespace: "velero",
        labels: { "app.kubernetes.io/part-of": "shop", "app.kubernetes.io/managed-by": "cloudlab", "platform.cloud-lab.io/team": "shop-team" },
      },
      spec: {
        schedule: "0 3 * * *",
        useOwnerReferencesInBackup: false,
        template: { includedNamespaces: ["shop"], snapshotVolumes: true, snapshotMoveData: true, storageLocation: "default", ttl: "720h" },
      },
    });
  });

  it("backs up dev only when its spec turns backups on (3 days unless it says otherwise), and nowhere whose spec turns them off", () => {
    const on = resolveModels(fixturePlatform({ environments: environmentsWith("dev", (s) => ({ ...s, backups: { enabled: true } })) }));
    expect(documentOf(clusterBackupObjects(on[0]!)[1]!).spec.template.ttl).toBe("72h");
    const custom = resolveModels(fixturePlatform({ environments: environmentsWith("staging", (s) => ({ ...s, backups: { retention: "336h", schedule: "30 1 * * *" } })) }));
    expect(documentOf(clusterBackupObjects(custom[1]!)[1]!).spec).toMatchObject({ schedule: "30 1 * * *", template: { ttl: "336h" } });
    const off = resolveModels(fixturePlatform({ environments: environmentsWith("prod-us-west-2", (s) => ({ ...s, backups: { enabled: false } })) }));
    expect(clusterBackupObjects(off[2]!)).toEqual([]);
  });

  it("has no Schedule where no tenant is stateful", () => {
    const stateless = fixturePlatform({ services: [sourcedService(checkoutSpec({ calls: [] })), sourcedService(webSpec())] });
    expect(names(clusterBackupObjects(resolveModels(stateless)[2]!))).toEqual(["VolumeSnapshotClass/velero-snapshots"]);
  });

  it("snapshots with the provider's CSI driver, a class Velero picks by its label", () => {
    expect(documentOf(clusterBackupObjects(modelOf("prod-us-west-2"))[0]!)).toMatchObject({
      driver: "ebs.csi.aws.com",
      deletionPolicy: "Delete",
      metadata: { labels: { "velero.io/csi-volumesnapshot-class": "true" } },
    });
    expect(documentOf(clusterBackupObjects(gkeModel("prod-us-central1"))[0]!).driver).toBe("pd.csi.storage.gke.io");
  });

  it("renders objects that conform to their schemas", () => {
    for (const environment of EKS_ENVIRONMENTS) {
      for (const object of [...clusterBackupObjects(modelOf(environment)), ...restoreObjects(modelOf(environment))]) {
        expect(validationMessages(object), environment).toEqual([]);
      }
    }
  });
});

describe("restoreObjects", () => {
  it("renders a Restore only in the DR environment", () => {
    expect(restoreObjects(modelOf("dev"))).toEqual([]);
    expect(restoreObjects(modelOf("staging"))).toEqual([]);
    expect(restoreObjects(modelOf("prod-us-west-2"))).toEqual([]);
    expect(names(restoreObjects(modelOf("prod-us-east-1")))).toEqual(["Restore/shop-from-prod-us-west-2"]);
  });

  it("restores the latest backup of the primary's Schedule: the stateful services' volume claims of the tenant's namespace", () => {
    expect(documentOf(restoreObjects(modelOf("prod-us-east-1"))[0]!).spec).toEqual({
      scheduleName: "shop-prod-us-west-2",
      includedNamespaces: ["shop"],
      includedResources: ["persistentvolumeclaims"],
      labelSelector: { matchExpressions: [{ key: "app.kubernetes.io/name", operator: "In", values: ["cache"] }] },
      restorePVs: true,
      existingResourcePolicy: "none",
    });
  });

  it("moves with a failover: once us-east-1 is primary, us-west-2 holds the Restore of us-east-1's backups", () => {
    const flipped = fixtureEnvironments().map((e) =>
      e.spec.stage === "prod" ? sourcedEnvironment({ ...e.spec, cluster: { ...e.spec.cluster, role: e.spec.cluster.role === "dr" ? "primary" : "dr" } }) : e,
    );
    const models = resolveModels(fixturePlatform({ environments: flipped }));
    const byName = (name: string) => models.find((m) => m.environment.name === name)!;
    expect(names(restoreObjects(byName("prod-us-west-2")))).toEqual(["Restore/shop-from-prod-us-east-1"]);
    expect(restoreObjects(byName("prod-us-east-1"))).toEqual([]);
  });

  it("restores nothing for a stateful service the DR cluster does not run (disasterRecovery: absent)", () => {
    const absent = fixturePlatform({ services: [sourcedService(checkoutSpec()), sourcedService(webSpec()), sourcedService(cacheSpec({ disasterRecovery: "absent" }))] });
    const dr = resolveModels(absent).find((m) => m.environment.name === "prod-us-east-1")!;
    expect(restoreObjects(dr)).toEqual([]);
    expect(names(clusterBackupObjects(dr))).toEqual(["VolumeSnapshotClass/velero-snapshots"]);
  });
});
