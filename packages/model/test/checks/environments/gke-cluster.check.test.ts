import { describe, expect, it } from "vitest";
import type { CheckedEnvironment } from "../../../src/checks/environments/index.ts";
import { gkeCluster } from "../../../src/checks/environments/gke-cluster.check.ts";
import type { ClusterSpec, SpecError } from "../../../src/index.ts";
import { checked, contextOf, file } from "./environments-fixtures.ts";

const ENV = "staging-us-central1";
const NAME_FORM = "lowercase letters, digits and '-', starting with a letter and ending with a letter or digit, at most 40 characters";
const GKE_TYPES = "e2-standard-2, e2-standard-4, e2-standard-8, e2-highmem-4, n2-standard-4, n2-standard-8";

/** A GKE environment with a project (so that only `cluster` is judged), in staging. */
const gke = (cluster: Partial<ClusterSpec> = {}, name = ENV): CheckedEnvironment =>
  checked(name, "primary", { provider: "gke", region: "us-central1", gcpProject: "shop-staging-1", ...cluster });
const error = (path: string, message: string, environment = ENV): SpecError => ({ file: file(environment), kind: "environment", subject: environment, path, message });

describe("environments/gke-cluster", () => {
  it.each<[string, CheckedEnvironment[], SpecError[]]>([
    ["a GKE cluster with the default zones and machine type", [gke()], []],
    ["Google's longer region names and declared zones of the region", [gke({ region: "northamerica-northeast1", zones: ["northamerica-northeast1-a", "northamerica-northeast1-c"] })], []],
    ["a name of 32 characters (its node pool's has 40)", [gke({ name: `a${"b".repeat(30)}1` })], []],
    ["a Compute Engine machine type", [gke({ instanceType: "n2-standard-8" })], []],
    ["an EKS cluster: not judged here", [checked("staging-us-west-2", "primary", { name: "9lives", region: "4" })], []],
    ["a name starting with a digit", [gke({ name: "1-staging" })], [error("cluster.name", `"1-staging" is not a GKE cluster name (${NAME_FORM})`)]],
    ["a name of 41 characters", [gke({ name: "a".repeat(41) })], [error("cluster.name", `"${"a".repeat(41)}" is not a GKE cluster name (${NAME_FORM})`)]],
    [
      "a name of 33 characters: its node pool's would have 41",
      [gke({ name: "a".repeat(33) })],
      [error("cluster.name", `"${"a".repeat(33)}" has 33 characters: a GKE cluster's name has at most 32 here, so that its node pool "${"a".repeat(33)}-workers" stays within GKE's 40`)],
    ],
    [
      "an AWS region (copied from an EKS environment), with its default zones not judged again",
      [gke({ region: "us-west-2" })],
      [error("cluster.region", '"us-west-2" is not a Google Cloud region (e.g. us-central1, europe-west4)')],
    ],
    ["a zone for a region", [gke({ region: "us-central1-a" })], [error("cluster.region", '"us-central1-a" is not a Google Cloud region (e.g. us-central1, europe-west4)')]],
    [
      "AWS-style zones, another region's zone and a zone listed twice",
      [gke({ zones: ["us-central1a", "us-east1-b", "us-central1-c", "us-central1-c"] })],
      [
        error("cluster.zones[0]", `"us-central1a" is not a zone of us-central1: a GKE cluster's zones are its region's, named <region>-<letter> (e.g. us-central1-a)`),
        error("cluster.zones[1]", `"us-east1-b" is not a zone of us-central1: a GKE cluster's zones are its region's, named <region>-<letter> (e.g. us-central1-a)`),
        error("cluster.zones[3]", '"us-central1-c" is already listed at cluster.zones[2]'),
      ],
    ],
    [
      "no project",
      [gke({ gcpProject: undefined })],
      [error("cluster.gcpProject", "is required on GKE: the Google Cloud project of the cluster's Config Connector objects and workload identity pool")],
    ],
    ["an EC2 instance type", [gke({ instanceType: "m6i.xlarge" })], [error("cluster.instanceType", `"m6i.xlarge" is an EC2 instance type: a GKE cluster's nodes are one of ${GKE_TYPES}`)]],
    [
      "each GKE environment judged in its own file",
      [gke({ name: "9" }), gke({ gcpProject: undefined }, "prod-us-central1")],
      [
        error("cluster.name", `"9" is not a GKE cluster name (${NAME_FORM})`),
        error("cluster.gcpProject", "is required on GKE: the Google Cloud project of the cluster's Config Connector objects and workload identity pool", "prod-us-central1"),
      ],
    ],
  ])("%s", (_, environments, expected) => {
    expect(gkeCluster.check(contextOf(environments))).toEqual(expected);
  });
});
