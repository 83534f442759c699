import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import clusterSchema from "../../src/cluster-definition/schemas/config-connector-container-cluster.schema.json" with { type: "json" };
import nodePoolSchema from "../../src/cluster-definition/schemas/config-connector-container-node-pool.schema.json" with { type: "json" };
import eksctlSchema from "../../src/cluster-definition/schemas/eksctl-cluster-config.schema.json" with { type: "json" };
import { buildContainerCluster, buildContainerNodePools, buildEksctlClusterConfig } from "../../src/index.ts";
import { modelOf } from "../fixtures.ts";
import { schemaTable } from "../schema-table.ts";
import { documentOf, gkeModel } from "./helpers.ts";

describe("the schemas", () => {
  it("compile under ajv's strict mode (no unknown keyword, every `properties` typed, every `required` declared)", () => {
    for (const schema of [eksctlSchema, clusterSchema, nodePoolSchema]) {
      expect(() => new Ajv({ strict: true }).compile(schema)).not.toThrow();
    }
  });

  it("close every object they describe: additionalProperties false or a typed map", () => {
    const open: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== "object" || node === null) return;
      const schema = node as Record<string, unknown>;
      if (schema.type === "object" && schema.additionalProperties === undefined) open.push(path);
      for (const [key, value] of Object.entries(schema)) walk(value, `${path}/${key}`);
    };
    for (const [name, schema] of Object.entries({ eksctlSchema, clusterSchema, nodePoolSchema })) walk(schema, name);
    expect(open).toEqual([]);
  });
});

describe("eksctl ClusterConfig schema", () => {
  schemaTable(eksctlSchema, () => documentOf(buildEksctlClusterConfig(modelOf("prod-us-west-2"))), [
    ["another apiVersion", (d) => (d.apiVersion = "eksctl.io/v1alpha4"), [{ path: "apiVersion", message: 'must be "eksctl.io/v1alpha5", got "eksctl.io/v1alpha4"' }]],
    ["an unknown field", (d) => (d.vpc = { nat: { gateway: "Single" } }), [{ path: "vpc", message: "unknown field" }]],
    ["a misspelt field inside the node group", (d) => (d.managedNodeGroups[0].desiredSize = 3), [{ path: "managedNodeGroups[0].desiredSize", message: "unknown field" }]],
    ["a version that is not a minor version", (d) => (d.metadata.version = "1.28.3"), [{ path: "metadata.version", message: '"1.28.3" does not match ^1\\.[0-9]+$' }]],
    ["a single zone", (d) => (d.availabilityZones = ["us-west-2a"]), [{ path: "availabilityZones", message: "must NOT have fewer than 2 items" }]],
    ["OIDC off", (d) => (d.iam.withOIDC = false), [{ path: "iam.withOIDC", message: "must be true, got false" }]],
    ["an add-on the platform does not install", (d) => d.addons.push({ name: "amazon-cloudwatch-observability" }), [
      { path: "addons[5].name", message: '"amazon-cloudwatch-observability" is not one of: vpc-cni, coredns, kube-proxy, aws-ebs-csi-driver, snapshot-controller' },
    ]],
    ["a node group without a maximum", (d) => delete d.managedNodeGroups[0].maxSize, [{ path: "managedNodeGroups[0].maxSize", message: "is required" }]],
    ["a fractional size", (d) => (d.managedNodeGroups[0].minSize = 1.5), [{ path: "managedNodeGroups[0].minSize", message: "must be integer, got 1.5" }]],
    ["an empty node group", (d) => (d.managedNodeGroups[0].minSize = 0), [{ path: "managedNodeGroups[0].minSize", message: "must be >= 1, got 0" }]],
  ]);
});

describe("Config Connector ContainerCluster schema", () => {
  schemaTable(clusterSchema, () => documentOf(buildContainerCluster(gkeModel("prod-us-central1"))), [
    ["another kind", (d) => (d.kind = "ContainerNodePool"), [{ path: "kind", message: 'must be "ContainerCluster", got "ContainerNodePool"' }]],
    ["a cluster without a project", (d) => delete d.metadata.annotations["cnrm.cloud.google.com/project-id"], [
      { path: "metadata.annotations.cnrm.cloud.google.com/project-id", message: "is required" },
    ]],
    ["an unknown release channel", (d) => (d.spec.releaseChannel.channel = "EXTENDED"), [{ path: "spec.releaseChannel.channel", message: '"EXTENDED" is not one of: RAPID, REGULAR, STABLE' }]],
    ["a zonal location", (d) => (d.spec.location = "us-central1-a"), [{ path: "spec.location", message: '"us-central1-a" does not match ^[a-z]+-[a-z]+[0-9]+$' }]],
    ["a workload pool of another form", (d) => (d.spec.workloadIdentityConfig.workloadPool = "cloudlab-prod"), [
      { path: "spec.workloadIdentityConfig.workloadPool", message: '"cloudlab-prod" does not match ^[a-z][-a-z0-9]{4,28}[a-z0-9]\\.svc\\.id\\.goog$' },
    ]],
    ["routes-based networking", (d) => (d.spec.networkingMode = "ROUTES"), [{ path: "spec.networkingMode", message: 'must be "VPC_NATIVE", got "ROUTES"' }]],
    ["an unknown spec field", (d) => (d.spec.enableAutopilot = true), [{ path: "spec.enableAutopilot", message: "unknown field" }]],
  ]);
});

describe("Config Connector ContainerNodePool schema", () => {
  schemaTable(nodePoolSchema, () => documentOf(buildContainerNodePools(gkeModel("prod-us-central1"))[0]!), [
    ["no autoscaling bounds", (d) => delete d.spec.autoscaling, [{ path: "spec.autoscaling", message: "is required" }]],
    ["node metadata exposed to pods", (d) => (d.spec.nodeConfig.workloadMetadataConfig.mode = "GCE_METADATA"), [
      { path: "spec.nodeConfig.workloadMetadataConfig.mode", message: 'must be "GKE_METADATA", got "GCE_METADATA"' },
    ]],
    ["auto-upgrade off (release channels require it)", (d) => (d.spec.management.autoUpgrade = false), [{ path: "spec.management.autoUpgrade", message: "must be true, got false" }]],
    ["a zero-node floor", (d) => (d.spec.autoscaling.minNodeCount = 0), [{ path: "spec.autoscaling.minNodeCount", message: "must be >= 1, got 0" }]],
  ]);
});
