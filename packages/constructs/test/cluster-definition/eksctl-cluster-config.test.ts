import { environmentCapacity } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import { allocatable, buildEksctlClusterConfig, NODE_FILL, nodeGroupSize, PLATFORM_RESERVE, validationMessages, type EksctlIamServiceAccount } from "../../src/index.ts";
import { fixtureEnvironments, fixturePlatform, modelOf, resolveModels, sourcedEnvironment } from "../fixtures.ts";
import { documentOf, EKS_ENVIRONMENTS, fileNameOf, goldenYaml, withCluster } from "./helpers.ts";

/**
 * The eksctl ClusterConfig of each fixture environment, as a golden file under golden/<env>/. After an intended
 * change, regenerate with `npx vitest run -u` and review the diff like any other change.
 */
describe("buildEksctlClusterConfig: golden files", () => {
  for (const environment of EKS_ENVIRONMENTS) {
    it(`matches golden/${environment}/clusterconfig-*.yaml`, async () => {
      const config = buildEksctlClusterConfig(modelOf(environment));
      await expect(goldenYaml(config)).toMatchFileSnapshot(`./golden/${environment}/${fileNameOf(config)}`);
    });
  }
});

describe("buildEksctlClusterConfig", () => {
  const primary = documentOf(buildEksctlClusterConfig(modelOf("prod-us-west-2")));

  it("names the cluster, its region and Kubernetes 1.28, with IAM OIDC (IRSA) on", () => {
    expect(primary.apiVersion).toBe("eksctl.io/v1alpha5");
    expect(primary.kind).toBe("ClusterConfig");
    expect(primary.metadata).toMatchObject({ name: "prod-us-west-2", region: "us-west-2", version: "1.28" });
    expect(primary.iam.withOIDC).toBe(true);
  });

  it("creates the IRSA roles of cert-manager (Route 53 for DNS-01) and of each tenant's secret reader", () => {
    expect((primary.iam.serviceAccounts as EksctlIamServiceAccount[]).map((a) => [a.metadata.namespace, a.metadata.name, a.wellKnownPolicies ?? a.attachPolicy!.Statement[0]!.Resource])).toEqual([
      ["cert-manager", "cert-manager", { certManager: true }],
      ["external-secrets", "shop-secrets-reader", ["arn:aws:secretsmanager:us-west-2:*:secret:prod/shop/*"]],
      ["external-secrets", "storefront-secrets-reader", ["arn:aws:secretsmanager:us-west-2:*:secret:prod/storefront/*"]],
    ]);
  });

  it("installs vpc-cni, coredns, kube-proxy, the EBS CSI driver with its IAM policy, and the snapshot controller", () => {
    expect(primary.addons).toEqual([
      { name: "vpc-cni" },
      { name: "coredns" },
      { name: "kube-proxy" },
      { name: "aws-ebs-csi-driver", wellKnownPolicies: { ebsCSIController: true } },
      { name: "snapshot-controller" },
    ]);
  });

  it("spreads the cluster over three zones of its region", () => {
    expect(primary.availabilityZones).toEqual(["us-west-2a", "us-west-2b", "us-west-2c"]);
    expect(documentOf(buildEksctlClusterConfig(modelOf("prod-us-east-1"))).availabilityZones).toEqual(["us-east-1a", "us-east-1b", "us-east-1c"]);
  });

  it("sizes one managed node group of private m6i.xlarge nodes so every service at max replicas fits with 25 % headroom", () => {
    for (const name of EKS_ENVIRONMENTS) {
      const model = modelOf(name);
      const [group] = documentOf(buildEksctlClusterConfig(model)).managedNodeGroups;
      const node = allocatable("m6i.xlarge");
      const atMax = environmentCapacity(model).atMax;
      const reserve = PLATFORM_RESERVE[model.environment.stage];
      expect(group).toMatchObject({ name: "workers", instanceType: "m6i.xlarge", privateNetworking: true, volumeType: "gp3" });
      expect(group.maxSize * node.cpu * NODE_FILL, name).toBeGreaterThanOrEqual(atMax.cpuRequests + reserve.cpu);
      expect(group.maxSize * node.memory * NODE_FILL, name).toBeGreaterThanOrEqual(atMax.memoryRequests + reserve.memory);
      expect(group.maxSize * (node.pods - 8), name).toBeGreaterThanOrEqual(atMax.pods + reserve.pods);
      // One node fewer would not: the bound is tight, not padded.
      const fewer = group.maxSize - 1;
      const fits = fewer * node.cpu * NODE_FILL >= atMax.cpuRequests + reserve.cpu && fewer * node.memory * NODE_FILL >= atMax.memoryRequests + reserve.memory && fewer * (node.pods - 8) >= atMax.pods + reserve.pods;
      if (group.maxSize > group.minSize) expect(fits, name).toBe(false);
      expect(group.minSize, name).toBeLessThanOrEqual(group.desiredCapacity);
      expect(group.desiredCapacity, name).toBeLessThanOrEqual(group.maxSize);
      const size = nodeGroupSize(model);
      expect(group).toMatchObject({ minSize: size.minSize, maxSize: size.maxSize, desiredCapacity: size.desiredCapacity });
    }
  });

  it("keeps at least one node per zone in prod (pods spread across zones), one in dev", () => {
    expect(primary.managedNodeGroups[0].minSize).toBeGreaterThanOrEqual(3);
    expect(documentOf(buildEksctlClusterConfig(modelOf("dev"))).managedNodeGroups[0]).toMatchObject({ minSize: 1, desiredCapacity: 1 });
  });

  it("gives the DR cluster the primary's maximum (it absorbs a failover) and a floor no higher than the primary's", () => {
    const [dr] = documentOf(buildEksctlClusterConfig(modelOf("prod-us-east-1"))).managedNodeGroups;
    const [main] = primary.managedNodeGroups;
    expect(dr.maxSize).toBe(main.maxSize);
    expect(dr.minSize).toBeLessThanOrEqual(main.minSize);
  });

  it("follows the spec's instance type, zones and Kubernetes version", () => {
    const environments = fixtureEnvironments().map((e) =>
      e.spec.name === "prod-us-west-2"
        ? sourcedEnvironment({ ...e.spec, cluster: { ...e.spec.cluster, instanceType: "m6i.2xlarge", zones: ["us-west-2b", "us-west-2d"] }, versions: { kubernetes: "1.29" } })
        : e,
    );
    const model = resolveModels(fixturePlatform({ environments })).find((m) => m.environment.name === "prod-us-west-2")!;
    const config = documentOf(buildEksctlClusterConfig(model));
    expect(config.metadata.version).toBe("1.29");
    expect(config.availabilityZones).toEqual(["us-west-2b", "us-west-2d"]);
    expect(config.managedNodeGroups[0].instanceType).toBe("m6i.2xlarge");
    // Twice the node: never more nodes than on m6i.xlarge.
    expect(config.managedNodeGroups[0].maxSize).toBeLessThanOrEqual(primary.managedNodeGroups[0].maxSize);
    expect(config.managedNodeGroups[0].minSize).toBe(2);
  });

  it("conforms to its schema in every environment", () => {
    for (const name of EKS_ENVIRONMENTS) expect(validationMessages(buildEksctlClusterConfig(modelOf(name))), name).toEqual([]);
  });

  it("refuses a GKE machine type on EKS, naming the field (a model built by hand: a spec's is refused by environments/eks-cluster)", () => {
    const model = withCluster(modelOf("dev"), { instanceType: "e2-standard-4" });
    expect(validationMessages(buildEksctlClusterConfig(model))).toEqual([
      "managedNodeGroups[0].instanceType: \"e2-standard-4\" is not one of: m6i.large, m6i.xlarge, m6i.2xlarge, m6i.4xlarge, c6i.xlarge, c6i.2xlarge, r6i.xlarge, r6i.2xlarge",
    ]);
  });
});
