import { describe, expect, it } from "vitest";
import type { CheckedEnvironment } from "../../../src/checks/environments/index.ts";
import { eksCluster } from "../../../src/checks/environments/eks-cluster.check.ts";
import type { ClusterSpec, SpecError } from "../../../src/index.ts";
import { checked, contextOf, file } from "./environments-fixtures.ts";

const ENV = "staging-us-west-2";
const EKS_TYPES = "m6i.large, m6i.xlarge, m6i.2xlarge, m6i.4xlarge, c6i.xlarge, c6i.2xlarge, r6i.xlarge, r6i.2xlarge";

/** An EKS environment in us-west-2, in staging, with `cluster` changes. */
const eks = (cluster: Partial<ClusterSpec> = {}, name = ENV): CheckedEnvironment => checked(name, "primary", cluster);
const error = (path: string, message: string, environment = ENV): SpecError => ({ file: file(environment), kind: "environment", subject: environment, path, message });

describe("environments/eks-cluster", () => {
  it.each<[string, CheckedEnvironment[], SpecError[]]>([
    ["an EKS cluster with the default zones and instance type", [eks()], []],
    ["two declared zones of its region, a GovCloud region", [eks({ region: "us-gov-west-1", zones: ["us-gov-west-1a", "us-gov-west-1b"] })], []],
    ["an EC2 instance type", [eks({ instanceType: "r6i.2xlarge" })], []],
    ["a GKE cluster: not judged here", [checked("staging-us-central1", "primary", { provider: "gke", name: "9", region: "us-west-2", gcpProject: "shop-1234" })], []],
    ["a name starting with a digit", [eks({ name: "1-staging" })], [error("cluster.name", `"1-staging" is not a cluster name eksctl accepts (letters, digits and '-', starting with a letter)`)]],
    ["a Google Cloud region", [eks({ region: "us-central1" })], [error("cluster.region", '"us-central1" is not an AWS region (e.g. us-west-2, eu-central-1)')]],
    ["a zone for a region", [eks({ region: "us-west-2a" })], [error("cluster.region", '"us-west-2a" is not an AWS region (e.g. us-west-2, eu-central-1)')]],
    [
      "GKE-style zones, another region's zone and a zone listed twice",
      [eks({ zones: ["us-west-2-a", "us-east-1a", "us-west-2b", "us-west-2b"] })],
      [
        error("cluster.zones[0]", `"us-west-2-a" is not a zone of us-west-2: an EKS cluster's zones are its region's, named <region><letter> (e.g. us-west-2a)`),
        error("cluster.zones[1]", `"us-east-1a" is not a zone of us-west-2: an EKS cluster's zones are its region's, named <region><letter> (e.g. us-west-2a)`),
        error("cluster.zones[3]", '"us-west-2b" is already listed at cluster.zones[2]'),
      ],
    ],
    ["one zone", [eks({ zones: ["us-west-2a"] })], [error("cluster.zones", '["us-west-2a"]: an EKS cluster needs at least 2 zones (its control plane\'s subnets span two)')]],
    [
      "one zone twice",
      [eks({ zones: ["us-west-2a", "us-west-2a"] })],
      [
        error("cluster.zones[1]", '"us-west-2a" is already listed at cluster.zones[0]'),
        error("cluster.zones", '["us-west-2a","us-west-2a"]: an EKS cluster needs at least 2 zones (its control plane\'s subnets span two)'),
      ],
    ],
    ["a Compute Engine machine type", [eks({ instanceType: "e2-standard-4" })], [error("cluster.instanceType", `"e2-standard-4" is a Compute Engine machine type: an EKS cluster's nodes are one of ${EKS_TYPES}`)]],
  ])("%s", (_, environments, expected) => {
    expect(eksCluster.check(contextOf(environments))).toEqual(expected);
  });
});
