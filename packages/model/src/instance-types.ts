import type { InstanceType, Provider } from "./spec/environment-spec.ts";

/** A worker machine type: its provider, size and how many pods the kubelet lets it run. */
export interface InstanceTypeInfo {
  readonly provider: Provider;
  readonly vcpus: number;
  readonly memoryGiB: number;
  /**
   * The kubelet's `maxPods`: on EKS the VPC CNI's limit (ENIs × (IPs per ENI − 1) + 2, AWS's eni-max-pods table),
   * on GKE the default 110.
   */
  readonly maxPods: number;
}

/**
 * Every machine type a spec may name (the `InstanceType` union), with its provider and the figures node sizing and the
 * model's checks (a pod fits a node, the machine type is the cluster provider's) need.
 */
export const INSTANCE_TYPES: Readonly<Record<InstanceType, InstanceTypeInfo>> = {
  "m6i.large": { provider: "eks", vcpus: 2, memoryGiB: 8, maxPods: 29 },
  "m6i.xlarge": { provider: "eks", vcpus: 4, memoryGiB: 16, maxPods: 58 },
  "m6i.2xlarge": { provider: "eks", vcpus: 8, memoryGiB: 32, maxPods: 58 },
  "m6i.4xlarge": { provider: "eks", vcpus: 16, memoryGiB: 64, maxPods: 234 },
  "c6i.xlarge": { provider: "eks", vcpus: 4, memoryGiB: 8, maxPods: 58 },
  "c6i.2xlarge": { provider: "eks", vcpus: 8, memoryGiB: 16, maxPods: 58 },
  "r6i.xlarge": { provider: "eks", vcpus: 4, memoryGiB: 32, maxPods: 58 },
  "r6i.2xlarge": { provider: "eks", vcpus: 8, memoryGiB: 64, maxPods: 58 },
  "e2-standard-2": { provider: "gke", vcpus: 2, memoryGiB: 8, maxPods: 110 },
  "e2-standard-4": { provider: "gke", vcpus: 4, memoryGiB: 16, maxPods: 110 },
  "e2-standard-8": { provider: "gke", vcpus: 8, memoryGiB: 32, maxPods: 110 },
  "e2-highmem-4": { provider: "gke", vcpus: 4, memoryGiB: 32, maxPods: 110 },
  "n2-standard-4": { provider: "gke", vcpus: 4, memoryGiB: 16, maxPods: 110 },
  "n2-standard-8": { provider: "gke", vcpus: 8, memoryGiB: 32, maxPods: 110 },
};

/** What the scheduler can place on one node: CPU in cores, memory in bytes, pod slots. */
export interface Allocatable {
  readonly cpu: number;
  readonly memory: number;
  readonly pods: number;
}

const MIB = 2 ** 20;
const GIB = 2 ** 30;

/** The kubelet's hard eviction threshold (`memory.available<100Mi`) on both providers. */
const EVICTION_MEMORY = 100 * MIB;

/** CPU reserved for the kubelet and runtime, in cores: 6 % of the first core, 1 % of the second, 0.5 % of the next two, 0.25 % above four (EKS and GKE). */
export function reservedCpu(vcpus: number): number {
  return 0.06 + (vcpus >= 2 ? 0.01 : 0) + Math.min(Math.max(vcpus - 2, 0), 2) * 0.005 + Math.max(vcpus - 4, 0) * 0.0025;
}

/** Memory GKE reserves, in bytes: 25 % of the first 4 GiB, 20 % of the next 4, 10 % of the next 8, 6 % of the next 112, 2 % above 128 GiB. */
function gkeReservedMemory(memoryGiB: number): number {
  const tiers: readonly [number, number][] = [
    [4, 0.25],
    [4, 0.2],
    [8, 0.1],
    [112, 0.06],
    [Number.POSITIVE_INFINITY, 0.02],
  ];
  let left = memoryGiB;
  let reserved = 0;
  for (const [size, share] of tiers) {
    const inTier = Math.min(left, size);
    reserved += inTier * share;
    left -= inTier;
  }
  return reserved * GIB;
}

/**
 * A node's allocatable resources: capacity less what the provider's node image reserves for the kubelet and the
 * eviction threshold. EKS (Amazon Linux bootstrap): memory 255 MiB + 11 MiB per pod slot; GKE: the tiered share above.
 */
export function allocatable(instanceType: InstanceType): Allocatable {
  const info = INSTANCE_TYPES[instanceType];
  const memory = info.memoryGiB * GIB;
  const reservedMemory = info.provider === "eks" ? (255 + 11 * info.maxPods) * MIB : gkeReservedMemory(info.memoryGiB);
  return { cpu: info.vcpus - reservedCpu(info.vcpus), memory: memory - reservedMemory - EVICTION_MEMORY, pods: info.maxPods };
}

/** The machine types of a provider, in the order of the table. */
export function instanceTypesOf(provider: Provider): InstanceType[] {
  return (Object.keys(INSTANCE_TYPES) as InstanceType[]).filter((type) => INSTANCE_TYPES[type].provider === provider);
}
