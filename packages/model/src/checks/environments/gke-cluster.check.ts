import { INSTANCE_TYPES, instanceTypesOf } from "../../instance-types.ts";
import type { SpecError } from "../../spec-error.ts";
import { zoneProblems } from "./cluster-zones.ts";
import { environmentError, type CheckedEnvironment, type EnvironmentsCheck } from "./environments-check.ts";

/** GKE's cluster names: lowercase letters, digits and '-', starting with a letter, ending with a letter or digit. */
const GKE_CLUSTER_NAME = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** GKE's limit on a cluster's name (the API's `Cluster.name`: at most 40 characters). */
export const GKE_CLUSTER_NAME_MAX = 40;
/** The rendered node pool is `<cluster>-workers`, and a node pool's name has the same 40-character limit. */
export const GKE_NODE_POOL_SUFFIX = "-workers";
/** A Google Cloud region: `<area>-<direction><number>`, e.g. `us-central1`, `europe-west4`, `northamerica-northeast1`. */
const GCP_REGION = /^[a-z]+-[a-z]+[0-9]+$/;
/** A Google Cloud zone: its region, `-` and a letter, e.g. `us-central1-a`. */
const GCP_ZONE = /^[a-z]+-[a-z]+[0-9]+-[a-z]$/;

function problems(environment: CheckedEnvironment): SpecError[] {
  const { cluster } = environment.resolved;
  const errors: SpecError[] = [];
  const longest = GKE_CLUSTER_NAME_MAX - GKE_NODE_POOL_SUFFIX.length;
  if (!GKE_CLUSTER_NAME.test(cluster.name) || cluster.name.length > GKE_CLUSTER_NAME_MAX) {
    errors.push(
      environmentError(
        environment,
        "cluster.name",
        `"${cluster.name}" is not a GKE cluster name (lowercase letters, digits and '-', starting with a letter and ending with a letter or digit, at most ${GKE_CLUSTER_NAME_MAX} characters)`,
      ),
    );
  } else if (cluster.name.length > longest) {
    errors.push(
      environmentError(
        environment,
        "cluster.name",
        `"${cluster.name}" has ${cluster.name.length} characters: a GKE cluster's name has at most ${longest} here, so that its node pool "${cluster.name}${GKE_NODE_POOL_SUFFIX}" stays within GKE's ${GKE_CLUSTER_NAME_MAX}`,
      ),
    );
  }
  if (!GCP_REGION.test(cluster.region)) {
    errors.push(environmentError(environment, "cluster.region", `"${cluster.region}" is not a Google Cloud region (e.g. us-central1, europe-west4)`));
  } else {
    errors.push(...zoneProblems(environment, (zone, region) => GCP_ZONE.test(zone) && zone.startsWith(`${region}-`), `a GKE cluster's zones are its region's, named <region>-<letter> (e.g. ${cluster.region}-a)`));
  }
  if (cluster.gcpProject === undefined) {
    errors.push(environmentError(environment, "cluster.gcpProject", "is required on GKE: the Google Cloud project of the cluster's Config Connector objects and workload identity pool"));
  }
  if (INSTANCE_TYPES[cluster.instanceType].provider !== "gke") {
    errors.push(
      environmentError(environment, "cluster.instanceType", `"${cluster.instanceType}" is an EC2 instance type: a GKE cluster's nodes are one of ${instanceTypesOf("gke").join(", ")}`),
    );
  }
  return errors;
}

/**
 * A GKE environment's cluster must be one GKE (through Config Connector) creates: its cluster definition under
 * `_infra/` would otherwise be refused when applied. Judged on the spec, so that it is a spec error naming the field,
 * not a problem of the rendered ContainerCluster.
 */
export const gkeCluster: EnvironmentsCheck = {
  id: "environments/gke-cluster",
  description: "A GKE cluster has a name GKE accepts, a Google Cloud region and zones of it, a project and a Compute Engine machine type.",
  check({ environments }) {
    return environments.filter((e) => e.resolved.cluster.provider === "gke").flatMap(problems);
  },
};
