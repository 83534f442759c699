import { resolvePlatform, type EnvironmentModel, type EnvironmentSpec, type PlatformDefinition } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import { allocatable, environmentCost, formatPercentChange, formatUsd, formatUsdChange, NODE_FILL, PRICE_LIST, unitRates, type PriceList } from "../../src/index.ts";
import { cacheSpec, checkoutSpec, sourcedEnvironment, sourcedService, TENANTS } from "../fixtures.ts";

/**
 * A small fixture platform priced by hand. Tenants `shop` (checkout: autoscaled 3–30, requests 100m / 128Mi; cache:
 * stateful, 50m / 200Mi, a 5Gi claim per replica) and `storefront` (no services); every pod also runs the
 * istio-proxy sidecar the platform sets (requests 100m / 128Mi). Two environments: prod-us-west-2 on EKS (m6i.xlarge,
 * gp3) and dev on GKE in us-central1 (e2-standard-4, premium-rwo = pd-ssd).
 */
function fixture(environments: readonly EnvironmentSpec[] = [PROD, DEV]): PlatformDefinition {
  return {
    tenants: [...TENANTS],
    services: [sourcedService(checkoutSpec({ exposedTo: [] })), sourcedService(cacheSpec())],
    environments: environments.map(sourcedEnvironment),
  };
}

const PROD: EnvironmentSpec = { name: "prod-us-west-2", stage: "prod", cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2" } };
const DEV: EnvironmentSpec = { name: "dev", stage: "dev", cluster: { name: "dev-us-central1", provider: "gke", region: "us-central1", gcpProject: "shop-dev-1234" } };

function model(name: string, definition: PlatformDefinition = fixture()): EnvironmentModel {
  const resolution = resolvePlatform(definition);
  expect(resolution.errors).toEqual([]);
  return resolution.models.find((m) => m.environment.name === name)!;
}

/** The figures of a result, to the cent. */
function cents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

describe("environmentCost: the fixture platform, by hand", () => {
  // The split ratio: one vCPU costs as much as 0.031611 / 0.004237 = 7.460703 GiB.
  const RATIO = 0.031611 / 0.004237;
  // A month of requests at a 75 % node fill: 730 h / 0.75 = 973.333 h.
  const MONTH = 730 / 0.75;

  it("prod-us-west-2 (EKS, m6i.xlarge at $0.192/h, gp3 at $0.08/GiB-month)", () => {
    // m6i.xlarge allocatable: CPU 4 − (0.06 + 0.01 + 0.005 × 2) = 3.92 cores;
    // memory 16384 MiB − (255 + 11 × 58 pods) MiB − 100 MiB eviction = 15391 MiB = 15.0302734375 GiB.
    const ramMultiple = 3.92 * RATIO + 15391 / 1024; // 29.245957 + 15.030273 = 44.276230
    const memoryGiBMonth = (0.192 / ramMultiple) * MONTH; // 0.00433641 $/GiB-h × 973.333 = $4.220775
    const cpuCoreMonth = (0.192 / ramMultiple) * RATIO * MONTH; // 0.03235275 $/core-h × 973.333 = $31.489949
    const cost = environmentCost(model("prod-us-west-2"));
    expect(cost.rates.nodeHourly).toBe(0.192);
    expect(cost.rates.cpuCoreMonth).toBeCloseTo(cpuCoreMonth, 9);
    expect(cost.rates.memoryGiBMonth).toBeCloseTo(memoryGiBMonth, 9);
    expect(cents(cpuCoreMonth)).toBe(31.49);
    expect(cents(memoryGiBMonth)).toBe(4.22);

    // checkout, per pod: 100m + 100m (sidecar) = 0.2 cores; 128Mi + 128Mi = 0.25 GiB.
    // At 3 pods: 0.6 × 31.489949 + 0.75 × 4.220775 = 18.893969 + 3.165581 = $22.06
    // At 30 pods: ten times that = $220.60
    const [cache, checkout] = cost.tenants[0]!.services;
    expect(checkout!.pods).toEqual({ atMin: 3, atMax: 30 });
    expect(cents(checkout!.compute.atMin)).toBe(cents(0.6 * cpuCoreMonth + 0.75 * memoryGiBMonth));
    expect(cents(checkout!.compute.atMin)).toBe(22.06);
    expect(cents(checkout!.compute.atMax)).toBe(220.6);
    expect(checkout!.storage).toEqual({ atMin: 0, atMax: 0 });

    // cache, per pod: 50m + 100m = 0.15 cores; 200Mi + 128Mi = 328Mi = 0.3203125 GiB; prod's 3 replicas, fixed.
    // Compute: 3 × (0.15 × 31.489949 + 0.3203125 × 4.220775) = 3 × (4.723492 + 1.351967) = $18.23
    // Storage: 3 claims × 5 GiB × $0.08 = $1.20
    expect(cache!.pods).toEqual({ atMin: 3, atMax: 3 });
    expect(cents(cache!.compute.atMin)).toBe(18.23);
    expect(cache!.storage.atMin).toBeCloseTo(1.2, 9);
    expect(cents(cache!.total.atMax)).toBe(19.43);

    // Platform add-ons in prod: 5 cores + 16 GiB = 5 × 31.489949 + 16 × 4.220775 = 157.449745 + 67.532398 = $224.98
    // Control plane: $0.10/h × 730 h = $73.00
    expect(cents(cost.platform.atMin)).toBe(224.98);
    expect(cost.controlPlane).toEqual({ atMin: 73, atMax: 73 });

    // shop: 22.059551 + 19.426378 = $41.49 at min; 220.595505 + 19.426378 = $240.02 at max; storefront: $0.
    expect(cost.tenants.map((t) => [t.tenant, cents(t.total.atMin), cents(t.total.atMax)])).toEqual([
      ["shop", 41.49, 240.02],
      ["storefront", 0, 0],
    ]);
    // Total: 41.485928 + 224.982143 + 73 = $339.47 at min; 240.021883 + 224.982143 + 73 = $538.00 at max.
    expect(cents(cost.total.atMin)).toBe(339.47);
    expect(cents(cost.total.atMax)).toBe(538.0);

    // The cross-check, the cluster definition's node group (NODE_FILL 0.75, PLATFORM_RESERVE prod 5 cores / 16 GiB /
    // 40 pods, 58 − 8 pod slots per node): at min, CPU ⌈(0.6 + 0.45 + 5) / (3.92 × 0.75)⌉ = ⌈2.06⌉ = 3, memory
    // ⌈(0.75 + 0.9609 + 16) / 11.2727⌉ = 2, pods ⌈(6 + 40) / 50⌉ = 1, zone floor 3 → 3 nodes; at max, CPU
    // ⌈(6 + 0.45 + 5) / 2.94⌉ = ⌈3.89⌉ = 4 → 4 nodes. 3 × $0.192 × 730 = $420.48; 4 × = $560.64.
    expect([cost.nodeGroup.minSize, cost.nodeGroup.maxSize, cents(cost.nodeGroup.cost.atMin), cents(cost.nodeGroup.cost.atMax)]).toEqual([3, 4, 420.48, 560.64]);
    expect(cost).toMatchObject({ environment: "prod-us-west-2", stage: "prod", provider: "eks", region: "us-west-2", instanceType: "m6i.xlarge", pricesAsOf: PRICE_LIST.asOf, problems: [] });
  });

  it("dev (GKE, e2-standard-4 at $0.134012/h, premium-rwo = pd-ssd at $0.17/GiB-month)", () => {
    // e2-standard-4 allocatable: CPU 3.92 cores; memory 16 GiB − (25 % of 4 + 20 % of 4 + 10 % of 8 = 2.6 GiB)
    // − 100 MiB eviction = 13.30234375 GiB.
    const ramMultiple = 3.92 * RATIO + 13.30234375; // 29.245957 + 13.302344 = 42.548301
    const memoryGiBMonth = (0.134012 / ramMultiple) * MONTH; // $3.065653
    const cpuCoreMonth = memoryGiBMonth * RATIO; // $22.871931
    const cost = environmentCost(model("dev"));
    expect(cost.rates.cpuCoreMonth).toBeCloseTo(cpuCoreMonth, 9);
    expect(cost.rates.memoryGiBMonth).toBeCloseTo(memoryGiBMonth, 9);

    // dev runs one replica of each, autoscaling off.
    // checkout: 0.2 × 22.871931 + 0.25 × 3.065653 = 4.574386 + 0.766413 = $5.34
    // cache: 0.15 × 22.871931 + 0.3203125 × 3.065653 = 3.430790 + 0.981967 = $4.41, plus 5 GiB × $0.17 = $0.85
    const [cache, checkout] = cost.tenants[0]!.services;
    expect([checkout!.pods, cents(checkout!.total.atMax)]).toEqual([{ atMin: 1, atMax: 1 }, 5.34]);
    expect([cents(cache!.compute.atMin), cents(cache!.storage.atMin)]).toEqual([4.41, 0.85]);
    // Platform add-ons in dev: 2 cores + 6 GiB = 45.743862 + 18.393921 = $64.14; GKE's fee $73.00.
    // Total: 5.340800 + 5.262757 + 64.137783 + 73 = $147.74, the same at min and max.
    expect(cents(cost.platform.atMin)).toBe(64.14);
    expect([cents(cost.total.atMin), cents(cost.total.atMax)]).toEqual([147.74, 147.74]);
  });
});

describe("environmentCost: behaviour", () => {
  it("requests shaped like the node, filling it to NODE_FILL, cost exactly the node's price", () => {
    for (const type of ["m6i.xlarge", "c6i.2xlarge", "r6i.xlarge", "e2-highmem-4"] as const) {
      const node = allocatable(type);
      const rates = unitRates(type, 1, PRICE_LIST);
      const month = rates.cpuCoreMonth * node.cpu * NODE_FILL + rates.memoryGiBMonth * (node.memory / 2 ** 30) * NODE_FILL;
      expect(month, type).toBeCloseTo(PRICE_LIST.hoursPerMonth, 9);
    }
  });

  it("scales with maxReplicas: raising checkout's maximum from 30 to 60 doubles its cost at max, not at min", () => {
    const before = environmentCost(model("prod-us-west-2")).tenants[0]!.services[1]!;
    const raised = { ...fixture([PROD]), services: [sourcedService(checkoutSpec({ exposedTo: [], autoscaling: { minReplicas: 3, maxReplicas: 60, cpuTargetPercent: 60 } })), sourcedService(cacheSpec())] };
    const after = environmentCost(model("prod-us-west-2", raised)).tenants[0]!.services[1]!;
    expect(after.compute.atMin).toBeCloseTo(before.compute.atMin, 9);
    expect(after.compute.atMax).toBeCloseTo(2 * before.compute.atMax, 9);
  });

  it("names the environment file and field when the price list has no price for the node type in the region", () => {
    const elsewhere: EnvironmentSpec = { ...PROD, name: "prod-eu-central-1", cluster: { name: "prod-eu-central-1", provider: "eks", region: "eu-central-1", zones: ["eu-central-1a", "eu-central-1b", "eu-central-1c"] } };
    const cost = environmentCost(model("prod-eu-central-1", fixture([elsewhere])));
    expect(cost.problems).toEqual([
      {
        environment: "prod-eu-central-1",
        file: "apps/platform/environments/prod-eu-central-1.ts",
        field: "cluster.instanceType",
        message: `no on-demand price for m6i.xlarge on eks in eu-central-1 in the price list of ${PRICE_LIST.asOf}`,
      },
      {
        environment: "prod-eu-central-1",
        file: "apps/platform/environments/prod-eu-central-1.ts",
        service: "cache",
        field: "cluster.storageClass",
        message: `no price for storage class "gp3" on eks in eu-central-1 in the price list of ${PRICE_LIST.asOf}`,
      },
    ]);
    expect(cost.rates).toEqual({ nodeHourly: undefined, cpuCoreMonth: 0, memoryGiBMonth: 0 });
    expect(cost.total.atMax).toBe(73);
  });

  it("names the service file when its own storage class has no price", () => {
    const definition = { ...fixture([PROD]), services: [sourcedService(checkoutSpec({ exposedTo: [] })), sourcedService(cacheSpec({ storage: { size: "5Gi", mountPath: "/data", storageClass: "io2-fast" } }))] };
    expect(environmentCost(model("prod-us-west-2", definition)).problems).toEqual([
      {
        environment: "prod-us-west-2",
        file: "apps/platform/services/shop/cache.ts",
        service: "cache",
        field: "storage.storageClass",
        message: `no price for storage class "io2-fast" on eks in us-west-2 in the price list of ${PRICE_LIST.asOf}`,
      },
    ]);
  });

  it("reads only the price list it is given (no prices fetched, no clock)", () => {
    const doubled: PriceList = { ...PRICE_LIST, asOf: "2030-01-01", instances: { ...PRICE_LIST.instances, eks: { "us-west-2": { "m6i.xlarge": 0.384 } } } };
    const base = environmentCost(model("prod-us-west-2"));
    const cost = environmentCost(model("prod-us-west-2"), doubled);
    expect(cost.pricesAsOf).toBe("2030-01-01");
    expect(cost.tenants[0]!.services[1]!.compute.atMax).toBeCloseTo(2 * base.tenants[0]!.services[1]!.compute.atMax, 9);
  });
});

describe("the price list", () => {
  it("is dated, names its sources and prices every machine type in at least one region", () => {
    expect(PRICE_LIST.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(PRICE_LIST.sources.length).toBeGreaterThan(0);
    const priced = new Set(Object.values(PRICE_LIST.instances).flatMap((regions) => Object.values(regions).flatMap((types) => Object.keys(types))));
    expect([...priced].sort()).toEqual(
      ["c6i.2xlarge", "c6i.xlarge", "e2-highmem-4", "e2-standard-2", "e2-standard-4", "e2-standard-8", "m6i.2xlarge", "m6i.4xlarge", "m6i.large", "m6i.xlarge", "n2-standard-4", "n2-standard-8", "r6i.2xlarge", "r6i.xlarge"],
    );
  });
});

describe("formatUsd, formatUsdChange, formatPercentChange", () => {
  it.each([
    [0, "$0.00", "$0.00"],
    [1234.5, "$1,234.50", "+$1,234.50"],
    [-4, "-$4.00", "-$4.00"],
    [0.004, "$0.00", "$0.00"],
    [1234567.891, "$1,234,567.89", "+$1,234,567.89"],
  ])("%s → %s, %s", (amount, plain, change) => {
    expect(formatUsd(amount)).toBe(plain);
    expect(formatUsdChange(amount)).toBe(change);
  });

  it("percent: one decimal, signed, `new` from nothing", () => {
    expect([formatPercentChange(100, 125), formatPercentChange(300, 299), formatPercentChange(0, 5), formatPercentChange(0, 0)]).toEqual(["+25 %", "-0.3 %", "new", "0 %"]);
  });
});
