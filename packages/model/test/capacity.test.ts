import { describe, expect, it } from "vitest";
import {
  environmentCapacity,
  formatCpu,
  formatMemory,
  resolvePlatform,
  resolveService,
  serviceCapacity,
  type CapacityFigures,
  type EnvironmentModel,
  type ServiceSpec,
} from "../src/index.ts";
import { checkoutSpec, fixturePlatform, resolvedEnvironment, sourcedTenant } from "./fixtures.ts";

const Mi = 2 ** 20;

/** Figures in millicores and Mi, so expectations are exact integers. */
function inUnits(figures: CapacityFigures) {
  return {
    pods: figures.pods,
    cpuRequestsMillicores: Math.round(figures.cpuRequests * 1000),
    memoryRequestsMi: figures.memoryRequests / Mi,
    cpuLimitsMillicores: Math.round(figures.cpuLimits * 1000),
    memoryLimitsMi: figures.memoryLimits / Mi,
  };
}

const figures = (pods: number, cpuRequestsMillicores: number, memoryRequestsMi: number, cpuLimitsMillicores: number, memoryLimitsMi: number) => ({
  pods,
  cpuRequestsMillicores,
  memoryRequestsMi,
  cpuLimitsMillicores,
  memoryLimitsMi,
});

/** checkout's pod (100m/128Mi → 500m/512Mi) plus the sidecar (100m/128Mi → 200m/256Mi): 200m/256Mi → 700m/768Mi. */
const perPod = (pods: number) => figures(pods, 200 * pods, 256 * pods, 700 * pods, 768 * pods);

function capacityOf(spec: ServiceSpec, stage: "dev" | "staging" | "prod" = "prod") {
  const range = serviceCapacity(resolveService(spec, "apps/platform/services/shop/checkout.ts", resolvedEnvironment(stage)));
  return { atMin: inUnits(range.atMin), atMax: inUnits(range.atMax) };
}

describe("serviceCapacity", () => {
  it("counts a fixed replica count at min and max, the Istio sidecar included", () => {
    expect(capacityOf(checkoutSpec({ autoscaling: undefined, replicas: 4 }))).toEqual({ atMin: perPod(4), atMax: perPod(4) });
  });

  it("counts an autoscaled service at minReplicas and at maxReplicas", () => {
    expect(capacityOf(checkoutSpec({ autoscaling: { minReplicas: 2, maxReplicas: 20 } }))).toEqual({ atMin: perPod(2), atMax: perPod(20) });
  });

  it("counts the scaling the environment resolves to: one fixed replica in dev, the staging cap of 5", () => {
    const spec = checkoutSpec({ autoscaling: { minReplicas: 2, maxReplicas: 20 } });
    expect(capacityOf(spec, "dev")).toEqual({ atMin: perPod(1), atMax: perPod(1) });
    expect(capacityOf(spec, "staging")).toEqual({ atMin: perPod(2), atMax: perPod(5) });
  });

  it("counts every version's workload (a canary pair runs two HPAs of the service's range)", () => {
    const versions = [
      { name: "v1", weight: 90 },
      { name: "v2", weight: 10 },
    ];
    expect(capacityOf(checkoutSpec({ versions, autoscaling: { minReplicas: 2, maxReplicas: 20 } }))).toEqual({ atMin: perPod(4), atMax: perPod(40) });
  });

  it("counts both sides of a blue-green pair at full size, the idle one too", () => {
    const spec = checkoutSpec({ versions: [{ name: "blue" }, { name: "green" }], routing: { strategy: "blue-green", live: "blue" }, autoscaling: undefined, replicas: 3 });
    expect(capacityOf(spec)).toEqual({ atMin: perPod(6), atMax: perPod(6) });
  });

  it("counts a service without resources at the stage defaults (prod 250m/256Mi → 1/1Gi)", () => {
    const spec = checkoutSpec({ resources: undefined, autoscaling: undefined, replicas: 2 });
    expect(capacityOf(spec)).toEqual({ atMin: figures(2, 700, 768, 2400, 2560), atMax: figures(2, 700, 768, 2400, 2560) });
  });

  it("counts nothing for zero replicas", () => {
    expect(capacityOf(checkoutSpec({ autoscaling: undefined, replicas: 0 }))).toEqual({ atMin: perPod(0), atMax: perPod(0) });
  });
});

describe("environmentCapacity", () => {
  const resolution = resolvePlatform(fixturePlatform({ tenants: [...fixturePlatform().tenants, sourcedTenant("empty")] }));
  const model = (name: string): EnvironmentModel => resolution.models.find((m) => m.environment.name === name)!;
  const summary = (name: string) => {
    const capacity = environmentCapacity(model(name));
    return {
      environment: capacity.environment,
      atMin: inUnits(capacity.atMin),
      atMax: inUnits(capacity.atMax),
      tenants: capacity.tenants.map((t) => ({ tenant: t.tenant, atMin: inUnits(t.atMin), atMax: inUnits(t.atMax) })),
    };
  };

  it("resolves the fixture platform", () => {
    expect(resolution.errors).toEqual([]);
  });

  // prod: ledger 2 fixed pods at the prod defaults (350m/384Mi → 1.2/1280Mi each with the sidecar); cart 3 fixed pods
  // at the prod defaults; checkout 2 → 20 pods of 200m/256Mi → 700m/768Mi.
  it("sums each tenant's services at min and at max, sorted by tenant, a tenant without services at zero", () => {
    expect(summary("prod-us-west-2")).toEqual({
      environment: "prod-us-west-2",
      atMin: figures(7, 2150, 2432, 7400, 7936),
      atMax: figures(25, 5750, 7040, 20000, 21760),
      tenants: [
        { tenant: "empty", atMin: figures(0, 0, 0, 0, 0), atMax: figures(0, 0, 0, 0, 0) },
        { tenant: "payments", atMin: figures(2, 700, 768, 2400, 2560), atMax: figures(2, 700, 768, 2400, 2560) },
        { tenant: "shop", atMin: figures(5, 1450, 1664, 5000, 5376), atMax: figures(23, 5050, 6272, 17600, 19200) },
      ],
    });
  });

  // dev: every service fixed (autoscaling off): ledger 2, cart 1 at the dev defaults (50m/64Mi → 200m/256Mi), checkout 1.
  it("sums dev's one-replica services, min equal to max", () => {
    const dev = summary("dev-us-west-2");
    expect(dev.tenants.find((t) => t.tenant === "shop")).toEqual({
      tenant: "shop",
      atMin: figures(2, 350, 448, 1100, 1280),
      atMax: figures(2, 350, 448, 1100, 1280),
    });
    expect(dev.atMin).toEqual(dev.atMax);
  });
});

describe("formatCpu", () => {
  it.each<[number, string]>([
    [0, "0"],
    [0.25, "0.25"],
    [9.8, "9.8"],
    [12, "12"],
    [0.1 + 0.2, "0.3"],
    [1.23456, "1.235"],
    [0.0004, "0"],
    [5.050000000000001, "5.05"],
  ])("%d cores is %s", (cores, text) => {
    expect(formatCpu(cores)).toBe(text);
  });
});

describe("formatMemory", () => {
  it.each<[number, string]>([
    [0, "0Mi"],
    [640 * Mi, "640Mi"],
    [1023 * Mi, "1023Mi"],
    [1024 * Mi, "1Gi"],
    [1536 * Mi, "1.5Gi"],
    [6272 * Mi, "6.13Gi"],
    [12.64 * 2 ** 30, "12.64Gi"],
    [100 * 2 ** 30, "100Gi"],
    [1.5 * Mi, "2Mi"],
  ])("%d bytes is %s", (bytes, text) => {
    expect(formatMemory(bytes)).toBe(text);
  });
});
