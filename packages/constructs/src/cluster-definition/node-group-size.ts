import { environmentCapacity, type CapacityFigures, type EnvironmentModel, type Stage } from "@cloudlab/model";
import { allocatable, type Allocatable } from "./instance-types.ts";

/**
 * Share of each node's allocatable CPU and memory that sizing fills with requests. The other 25 % is headroom: the
 * add-ons' DaemonSets, bin-packing loss, rolling-update surge pods, and HPAs reacting before the cluster autoscaler.
 */
export const NODE_FILL = 0.75;

/** Pod slots per node taken by DaemonSets (VPC CNI or GKE's agents, kube-proxy, CSI node, Istio CNI, Fluent Bit, node exporter, Velero node agent). */
export const DAEMONSET_PODS = 8;

/**
 * What the platform add-ons (istiod, gateways, Prometheus, Alertmanager, Grafana, Jaeger, Velero) request across the
 * cluster, rounded up from their chart values: prod runs them at production size (Prometheus alone asks 2 CPU / 8 Gi).
 */
export const PLATFORM_RESERVE: Readonly<Record<Stage, { readonly cpu: number; readonly memory: number; readonly pods: number }>> = {
  dev: { cpu: 2, memory: 6 * 2 ** 30, pods: 30 },
  staging: { cpu: 2, memory: 6 * 2 ** 30, pods: 30 },
  prod: { cpu: 5, memory: 16 * 2 ** 30, pods: 40 },
};

/** A node group's bounds. */
export interface NodeGroupSize {
  /** Nodes needed at every service's minimum replicas (never fewer than one per zone in prod, where pods spread across zones). */
  readonly minSize: number;
  /** Nodes needed at every service's maximum replicas. */
  readonly maxSize: number;
  /** The size the group starts at: `minSize` (the cluster autoscaler grows it). */
  readonly desiredCapacity: number;
  /** The figures the sizes come from, for reports and tests. */
  readonly node: Allocatable;
}

/** Nodes needed to hold `figures` plus the platform's add-ons, each node filled to {@link NODE_FILL}. */
export function nodesFor(figures: Pick<CapacityFigures, "pods" | "cpuRequests" | "memoryRequests">, stage: Stage, node: Allocatable): number {
  const reserve = PLATFORM_RESERVE[stage];
  return Math.max(
    1,
    Math.ceil((figures.cpuRequests + reserve.cpu) / (node.cpu * NODE_FILL)),
    Math.ceil((figures.memoryRequests + reserve.memory) / (node.memory * NODE_FILL)),
    Math.ceil((figures.pods + reserve.pods) / (node.pods - DAEMONSET_PODS)),
  );
}

/**
 * The worker node group of an environment, from its capacity summary (`environmentCapacity`: pods and requests of
 * every service, Istio sidecars included, at min and max replicas):
 *
 *     nodes(figures) = max(⌈(cpu + reserve.cpu) / (0.75 × allocatable cpu)⌉,
 *                          ⌈(memory + reserve.memory) / (0.75 × allocatable memory)⌉,
 *                          ⌈(pods + reserve.pods) / (maxPods − 8)⌉)
 *     maxSize = nodes(at max replicas), minSize = max(nodes(at min replicas), zones in prod), desired = minSize
 */
export function nodeGroupSize(model: EnvironmentModel): NodeGroupSize {
  const { environment } = model;
  const node = allocatable(environment.cluster.instanceType);
  const capacity = environmentCapacity(model);
  const zoneFloor = environment.stage === "prod" ? environment.cluster.zones.length : 1;
  const minSize = Math.max(nodesFor(capacity.atMin, environment.stage, node), zoneFloor);
  const maxSize = Math.max(nodesFor(capacity.atMax, environment.stage, node), minSize);
  return { minSize, maxSize, desiredCapacity: minSize, node };
}

/**
 * {@link nodeGroupSize}, or a one-node group when the capacity cannot be computed. Only a model built by hand can
 * hold a malformed quantity (a spec's is refused by its schema); the workload that carries it then fails its own
 * validation, the render is refused, and these sizes are never written.
 */
export function nodeGroupSizeForRender(model: EnvironmentModel): NodeGroupSize {
  try {
    return nodeGroupSize(model);
  } catch {
    return { minSize: 1, maxSize: 1, desiredCapacity: 1, node: allocatable(model.environment.cluster.instanceType) };
  }
}
