import { INSTANCE_TYPES, instanceTypesOf } from "../../instance-types.ts";
import type { SpecError } from "../../spec-error.ts";
import { zoneProblems } from "./cluster-zones.ts";
import { environmentError, type CheckedEnvironment, type EnvironmentsCheck } from "./environments-check.ts";

/** EKS's cluster names start with a letter (the spec's DNS label already bounds the rest). */
const EKS_CLUSTER_NAME = /^[a-zA-Z][-a-zA-Z0-9]{0,99}$/;
/** An AWS region: `<country>-<area>-<number>`, e.g. `us-west-2`, `ap-southeast-1`, `us-gov-west-1`. */
const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-[0-9]$/;
/** An AWS availability zone: its region and a letter, e.g. `us-west-2a`. */
const AWS_ZONE = /^[a-z]{2}(-[a-z]+)+-[0-9][a-z]$/;
/** EKS puts its control plane's subnets in at least two zones. */
export const EKS_MIN_ZONES = 2;

function problems(environment: CheckedEnvironment): SpecError[] {
  const { cluster } = environment.resolved;
  const errors: SpecError[] = [];
  if (!EKS_CLUSTER_NAME.test(cluster.name)) {
    errors.push(environmentError(environment, "cluster.name", `"${cluster.name}" is not a cluster name eksctl accepts (letters, digits and '-', starting with a letter)`));
  }
  if (!AWS_REGION.test(cluster.region)) {
    errors.push(environmentError(environment, "cluster.region", `"${cluster.region}" is not an AWS region (e.g. us-west-2, eu-central-1)`));
  } else {
    errors.push(...zoneProblems(environment, (zone, region) => AWS_ZONE.test(zone) && zone.length === region.length + 1 && zone.startsWith(region), `an EKS cluster's zones are its region's, named <region><letter> (e.g. ${cluster.region}a)`));
  }
  if (new Set(cluster.zones).size < EKS_MIN_ZONES) {
    errors.push(environmentError(environment, "cluster.zones", `${JSON.stringify(cluster.zones)}: an EKS cluster needs at least ${EKS_MIN_ZONES} zones (its control plane's subnets span two)`));
  }
  if (INSTANCE_TYPES[cluster.instanceType].provider !== "eks") {
    errors.push(
      environmentError(environment, "cluster.instanceType", `"${cluster.instanceType}" is a Compute Engine machine type: an EKS cluster's nodes are one of ${instanceTypesOf("eks").join(", ")}`),
    );
  }
  return errors;
}

/**
 * An EKS environment's cluster must be one eksctl creates: its `ClusterConfig` under `_infra/` would otherwise be
 * refused. Judged on the spec, so that it is a spec error naming the field, not a problem of the rendered document.
 */
export const eksCluster: EnvironmentsCheck = {
  id: "environments/eks-cluster",
  description: "An EKS cluster has a name EKS accepts, an AWS region and at least two distinct zones of it, and an EC2 instance type.",
  check({ environments }) {
    return environments.filter((e) => e.resolved.cluster.provider === "eks").flatMap(problems);
  },
};
