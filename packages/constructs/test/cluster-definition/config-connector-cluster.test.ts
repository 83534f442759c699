import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildContainerCluster, buildContainerNodePools, infraObjects, nodeGroupSize, perZone, validationMessages } from "../../src/index.ts";
import { fixturePlatform, modelOf, resolveModels, sourcedEnvironment } from "../fixtures.ts";
import { documentOf, EKS_ENVIRONMENTS, fileNameOf, gkeModel, goldenYaml, staleGoldens, withCluster } from "./helpers.ts";

const ENVIRONMENTS = ["prod-us-central1", "prod-us-east4"] as const;

describe("GKE cluster definitions: golden files", () => {
  for (const environment of ENVIRONMENTS) {
    for (const object of infraObjects(gkeModel(environment))) {
      it(`matches golden/${environment}/${fileNameOf(object)}`, async () => {
        await expect(goldenYaml(object)).toMatchFileSnapshot(`./golden/${environment}/${fileNameOf(object)}`);
      });
    }
  }
  // The golden folders of the GKE and EKS fixtures hold exactly the cluster definitions and restores they render.
  it("has no stale golden file", () => {
    for (const model of [...ENVIRONMENTS.map((name) => gkeModel(name)), ...EKS_ENVIRONMENTS.map((name) => modelOf(name))]) {
      const dir = fileURLToPath(new URL(`./golden/${model.environment.name}/`, import.meta.url));
      const rendered = infraObjects(model).map(fileNameOf);
      expect(staleGoldens(dir, rendered), model.environment.name).toEqual([]);
    }
  });
});

describe("buildContainerCluster", () => {
  const cluster = documentOf(buildContainerCluster(gkeModel("prod-us-central1")));

  it("is a Config Connector ContainerCluster in the Config Connector namespace, in the spec's project, without the default node pool", () => {
    expect(cluster.apiVersion).toBe("container.cnrm.cloud.google.com/v1beta1");
    expect(cluster.metadata).toEqual({
      name: "prod-us-central1",
      namespace: "config-control",
      annotations: { "cnrm.cloud.google.com/project-id": "cloudlab-prod", "cnrm.cloud.google.com/remove-default-node-pool": "true" },
    });
  });

  it("is regional over three zones, on the STABLE release channel from Kubernetes 1.28, with workload identity and Dataplane V2", () => {
    expect(cluster.spec).toEqual({
      location: "us-central1",
      nodeLocations: ["us-central1-a", "us-central1-b", "us-central1-c"],
      initialNodeCount: 1,
      minMasterVersion: "1.28",
      releaseChannel: { channel: "STABLE" },
      workloadIdentityConfig: { workloadPool: "cloudlab-prod.svc.id.goog" },
      networkingMode: "VPC_NATIVE",
      ipAllocationPolicy: { clusterIpv4CidrBlock: "/14", servicesIpv4CidrBlock: "/20" },
      datapathProvider: "ADVANCED_DATAPATH",
    });
  });

  it("conforms to its schema", () => {
    for (const environment of ENVIRONMENTS) expect(validationMessages(buildContainerCluster(gkeModel(environment)))).toEqual([]);
  });

  it("cannot be rendered without the spec's project, and says which field to set (a model built by hand: a spec's is refused by environments/gke-cluster)", () => {
    const model = withCluster(gkeModel("prod-us-central1"), { gcpProject: undefined });
    const message = "cluster.gcpProject: is required to render a GKE cluster definition (the project of its Config Connector objects)";
    expect(validationMessages(buildContainerCluster(model))).toEqual([message]);
    expect(buildContainerNodePools(model).flatMap(validationMessages)).toEqual([message]);
  });
});

describe("buildContainerNodePools", () => {
  it("bounds the cluster autoscaler per zone: the node group sizes divided over the zones, rounded up", () => {
    for (const environment of ENVIRONMENTS) {
      const model = gkeModel(environment);
      const pool = documentOf(buildContainerNodePools(model)[0]!);
      const size = nodeGroupSize(model);
      expect(pool.spec.autoscaling).toEqual({ minNodeCount: perZone(size.minSize, 3), maxNodeCount: perZone(size.maxSize, 3) });
      expect(pool.spec.autoscaling.maxNodeCount * 3).toBeGreaterThanOrEqual(size.maxSize);
      expect(pool.spec.initialNodeCount).toBe(perZone(size.desiredCapacity, 3));
    }
    expect([perZone(7, 3), perZone(6, 3), perZone(1, 3)]).toEqual([3, 2, 1]);
  });

  it("runs e2-standard-4 nodes with workload identity metadata, auto-repaired and auto-upgraded, in the cluster's zones", () => {
    const pool = documentOf(buildContainerNodePools(gkeModel("prod-us-central1"))[0]!);
    expect(pool.metadata).toEqual({ name: "prod-us-central1-workers", namespace: "config-control", annotations: { "cnrm.cloud.google.com/project-id": "cloudlab-prod" } });
    expect(pool.spec).toMatchObject({
      clusterRef: { name: "prod-us-central1" },
      location: "us-central1",
      nodeLocations: ["us-central1-a", "us-central1-b", "us-central1-c"],
      management: { autoRepair: true, autoUpgrade: true },
      nodeConfig: { machineType: "e2-standard-4", workloadMetadataConfig: { mode: "GKE_METADATA" } },
    });
    expect(buildContainerNodePools(gkeModel("prod-us-central1")).flatMap(validationMessages)).toEqual([]);
  });

  it("splits an environment past 1,000 nodes per zone into equal pools, each within GKE's limit (found by the spec fuzzer: 44,091 fixed replicas)", () => {
    const big = sourcedEnvironment({
      name: "big",
      stage: "staging",
      cluster: { name: "staging-us-central1", provider: "gke", region: "us-central1", gcpProject: "shop-staging-1" },
      defaults: { replicas: 44_091, autoscaling: "off" },
    });
    const model = resolveModels(fixturePlatform({ environments: [big] }))[0]!;
    const size = nodeGroupSize(model);
    const pools = buildContainerNodePools(model).map(documentOf);
    expect(size.maxSize).toBeGreaterThan(3_000);
    expect(pools.map((p) => p.metadata.name)).toEqual(Array.from({ length: Math.ceil(size.maxSize / 3_000) }, (_, i) => `staging-us-central1-workers-${i + 1}`));
    expect(pools.every((p) => p.spec.autoscaling.maxNodeCount <= 1_000)).toBe(true);
    expect(pools.reduce((n, p) => n + p.spec.autoscaling.maxNodeCount * 3, 0)).toBeGreaterThanOrEqual(size.maxSize);
    expect(buildContainerNodePools(model).flatMap(validationMessages)).toEqual([]);
  });

  it("refuses an EC2 instance type on GKE, naming the field", () => {
    expect(buildContainerNodePools(withCluster(gkeModel("prod-us-central1"), { instanceType: "m6i.xlarge" })).flatMap(validationMessages)).toEqual([
      "spec.nodeConfig.machineType: \"m6i.xlarge\" is not one of: e2-standard-2, e2-standard-4, e2-standard-8, e2-highmem-4, n2-standard-4, n2-standard-8",
    ]);
  });
});
