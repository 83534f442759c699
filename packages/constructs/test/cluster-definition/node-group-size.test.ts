import { describe, expect, it } from "vitest";
import { allocatable, DAEMONSET_PODS, NODE_FILL, nodesFor, PLATFORM_RESERVE, reservedCpu } from "../../src/index.ts";

const GIB = 2 ** 30;
const MIB = 2 ** 20;

describe("allocatable", () => {
  it("takes EKS's kubelet reservation off the instance: CPU by the tiered share, memory 255 MiB + 11 MiB per pod slot, and the 100 MiB eviction threshold", () => {
    expect(reservedCpu(4)).toBeCloseTo(0.08, 10);
    expect(allocatable("m6i.xlarge")).toEqual({ cpu: 3.92, memory: 16 * GIB - (255 + 11 * 58) * MIB - 100 * MIB, pods: 58 });
    expect(allocatable("m6i.large").pods).toBe(29);
  });

  it("takes GKE's tiered memory reservation off the machine: 25 % of the first 4 GiB, 20 % of the next 4, 10 % of the next 8", () => {
    const node = allocatable("e2-standard-4");
    expect(node.cpu).toBeCloseTo(3.92, 10);
    expect(node.memory).toBeCloseTo(16 * GIB - (1 + 0.8 + 0.8) * GIB - 100 * MIB, 0);
    expect(node.pods).toBe(110);
  });
});

describe("nodesFor", () => {
  const node = { cpu: 4, memory: 16 * GIB, pods: 58 };

  it("needs the nodes of the tightest of CPU, memory and pod slots, each node filled to 75 %, the add-ons' reserve included", () => {
    const reserve = PLATFORM_RESERVE.prod;
    // CPU binds: (55 + 5) / (4 × 0.75) = 20 nodes.
    expect(nodesFor({ cpuRequests: 55, memoryRequests: 10 * GIB, pods: 100 }, "prod", node)).toBe(Math.ceil((55 + reserve.cpu) / (4 * NODE_FILL)));
    expect(nodesFor({ cpuRequests: 55, memoryRequests: 10 * GIB, pods: 100 }, "prod", node)).toBe(20);
    // Memory binds: (200 Gi + 16 Gi) / 12 Gi = 18 nodes.
    expect(nodesFor({ cpuRequests: 1, memoryRequests: 200 * GIB, pods: 10 }, "prod", node)).toBe(18);
    // Pod slots bind: (960 + 40) / (58 − 8) = 20 nodes.
    expect(nodesFor({ cpuRequests: 1, memoryRequests: GIB, pods: 960 }, "prod", node)).toBe(Math.ceil((960 + 40) / (58 - DAEMONSET_PODS)));
  });

  it("is at least one node, and smaller for dev and staging add-ons", () => {
    expect(nodesFor({ cpuRequests: 0, memoryRequests: 0, pods: 0 }, "dev", node)).toBe(1);
    expect(nodesFor({ cpuRequests: 0, memoryRequests: 0, pods: 0 }, "prod", node)).toBe(2);
  });

  it("never needs more nodes for more capable machines", () => {
    const figures = { cpuRequests: 40, memoryRequests: 80 * GIB, pods: 300 };
    expect(nodesFor(figures, "prod", allocatable("m6i.2xlarge"))).toBeLessThanOrEqual(nodesFor(figures, "prod", allocatable("m6i.xlarge")));
    expect(nodesFor(figures, "prod", allocatable("m6i.4xlarge"))).toBeLessThanOrEqual(nodesFor(figures, "prod", allocatable("m6i.2xlarge")));
  });
});
