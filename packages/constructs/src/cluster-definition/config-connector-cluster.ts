import type { EnvironmentModel, ResolvedEnvironment } from "@cloudlab/model";
import clusterSchema from "./schemas/config-connector-container-cluster.schema.json" with { type: "json" };
import nodePoolSchema from "./schemas/config-connector-container-node-pool.schema.json" with { type: "json" };
import { NODE_VOLUME_GIB, splitNodeGroups } from "./eksctl-cluster-config.ts";
import { nodeGroupSizeForRender } from "./node-group-size.ts";
import { SchemaCheckedObject, type SchemaProblem } from "./schema-checked-object.ts";

/** The namespace of the Config Connector (or Config Controller) cluster the GKE definitions are applied into. */
export const CONFIG_CONNECTOR_NAMESPACE = "config-control";

/** Config Connector's annotation naming the Google Cloud project of a resource. */
export const PROJECT_ANNOTATION = "cnrm.cloud.google.com/project-id";

/** GKE release channel by stage: prod takes versions once they are proven, the others earlier. */
const RELEASE_CHANNEL = { dev: "REGULAR", staging: "REGULAR", prod: "STABLE" } as const;

/** The Config Connector documents rendered for a GKE environment. */
export interface ContainerClusterDocument {
  readonly apiVersion: "container.cnrm.cloud.google.com/v1beta1";
  readonly kind: "ContainerCluster";
  readonly metadata: { readonly name: string; readonly namespace: string; readonly annotations: Readonly<Record<string, string>> };
  readonly spec: Readonly<Record<string, unknown>>;
}

export interface ContainerNodePoolDocument {
  readonly apiVersion: "container.cnrm.cloud.google.com/v1beta1";
  readonly kind: "ContainerNodePool";
  readonly metadata: { readonly name: string; readonly namespace: string; readonly annotations: Readonly<Record<string, string>> };
  readonly spec: Readonly<Record<string, unknown>>;
}

/** A GKE cluster definition needs the project; without it the objects are a render problem naming the spec field. */
function projectProblems(environment: ResolvedEnvironment): SchemaProblem[] {
  return environment.cluster.gcpProject === undefined
    ? [{ path: "cluster.gcpProject", message: "is required to render a GKE cluster definition (the project of its Config Connector objects)" }]
    : [];
}

/** The project annotation, or none when the spec names no project (then {@link projectProblems} reports it). */
function projectAnnotation(environment: ResolvedEnvironment): Record<string, string> {
  const project = environment.cluster.gcpProject;
  return project === undefined ? {} : { [PROJECT_ANNOTATION]: project };
}

/**
 * The GKE cluster of an environment as a Config Connector `ContainerCluster`: regional (the control plane and nodes in
 * the environment's zones), on a release channel with the environment's Kubernetes version as the minimum, workload
 * identity on, VPC-native, Dataplane V2 (which enforces the rendered NetworkPolicies), default node pool removed in
 * favour of {@link buildContainerNodePool}. Applied by the cluster's creator into the Config Connector namespace.
 */
export function buildContainerCluster(model: EnvironmentModel): SchemaCheckedObject<ContainerClusterDocument> {
  const { environment } = model;
  const { cluster } = environment;
  return new SchemaCheckedObject<ContainerClusterDocument>(
    clusterSchema,
    {
      apiVersion: "container.cnrm.cloud.google.com/v1beta1",
      kind: "ContainerCluster",
      metadata: {
        name: cluster.name,
        namespace: CONFIG_CONNECTOR_NAMESPACE,
        annotations: { ...projectAnnotation(environment), "cnrm.cloud.google.com/remove-default-node-pool": "true" },
      },
      spec: {
        location: cluster.region,
        nodeLocations: [...cluster.zones],
        initialNodeCount: 1,
        minMasterVersion: environment.versions.kubernetes,
        releaseChannel: { channel: RELEASE_CHANNEL[environment.stage] },
        ...(cluster.gcpProject === undefined ? {} : { workloadIdentityConfig: { workloadPool: `${cluster.gcpProject}.svc.id.goog` } }),
        networkingMode: "VPC_NATIVE",
        ipAllocationPolicy: { clusterIpv4CidrBlock: "/14", servicesIpv4CidrBlock: "/20" },
        datapathProvider: "ADVANCED_DATAPATH",
      },
    },
    projectProblems(environment),
  );
}

/** Nodes per zone for a total, rounded up: a regional node pool's counts apply to each of its zones. */
export function perZone(total: number, zones: number): number {
  return Math.ceil(total / zones);
}

/** The most nodes a GKE node pool may hold in each of its zones (its autoscaler's `maxNodeCount`). */
export const MAX_NODES_PER_POOL_ZONE = 1000;

/**
 * The worker node pools of a GKE environment: one (`<cluster>-workers`) while the environment fits 1,000 nodes per
 * zone, else as many equal pools (`<cluster>-workers-1`, …) as it takes (see `splitNodeGroups`). The cluster
 * autoscaler's bounds per zone are each pool's share of the node group sizes of `nodeGroupSize` divided over the zones
 * (rounded up); nodes use workload identity (`GKE_METADATA`), auto-repair and auto-upgrade (required on a release
 * channel).
 */
export function buildContainerNodePools(model: EnvironmentModel): SchemaCheckedObject<ContainerNodePoolDocument>[] {
  const { environment } = model;
  const { cluster } = environment;
  const size = nodeGroupSizeForRender(model);
  const zones = cluster.zones.length;
  const pools = splitNodeGroups(size, MAX_NODES_PER_POOL_ZONE * zones);
  return pools.map(
    (pool) =>
      new SchemaCheckedObject<ContainerNodePoolDocument>(
        nodePoolSchema,
        {
          apiVersion: "container.cnrm.cloud.google.com/v1beta1",
          kind: "ContainerNodePool",
          metadata: { name: `${cluster.name}-${pool.name}`, namespace: CONFIG_CONNECTOR_NAMESPACE, annotations: projectAnnotation(environment) },
          spec: {
            clusterRef: { name: cluster.name },
            location: cluster.region,
            nodeLocations: [...cluster.zones],
            initialNodeCount: perZone(Math.ceil(size.desiredCapacity / pools.length), zones),
            autoscaling: { minNodeCount: perZone(pool.minSize, zones), maxNodeCount: perZone(pool.maxSize, zones) },
            management: { autoRepair: true, autoUpgrade: true },
            nodeConfig: {
              machineType: cluster.instanceType,
              diskSizeGb: NODE_VOLUME_GIB,
              diskType: "pd-balanced",
              oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
              workloadMetadataConfig: { mode: "GKE_METADATA" },
            },
          },
        },
        projectProblems(environment),
      ),
  );
}
