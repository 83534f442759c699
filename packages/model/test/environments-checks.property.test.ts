import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENVIRONMENTS_CHECKS } from "../src/checks/environments/index.ts";
import { onePrimary } from "../src/checks/environments/one-primary.check.ts";
import { uniqueRegion } from "../src/checks/environments/unique-region.check.ts";
import { warmStandby } from "../src/checks/environments/warm-standby.check.ts";
import {
  formatSpecError,
  resolveEnvironment,
  resolvePlatform,
  type ClusterRole,
  type EnvironmentSpec,
  type ServiceOverride,
  type ServiceSpec,
  type Stage,
} from "../src/index.ts";
import { cartSpec, checkoutSpec, fixturePlatform, ledgerSpec, sourcedEnvironment, sourcedService } from "./fixtures.ts";

const RUNS = { numRuns: 300 };
const STAGES: readonly Stage[] = ["dev", "staging", "prod"];
const REGIONS = ["us-west-2", "us-east-1", "eu-west-1"] as const;

/** An environment named after its position (unique), in a random stage, role and region. */
const environmentsArb = fc
  .array(fc.tuple(fc.constantFrom(...STAGES), fc.constantFrom<ClusterRole>("primary", "dr"), fc.constantFrom(...REGIONS)), { minLength: 1, maxLength: 7 })
  .map((drawn) =>
    drawn.map(([stage, role, region], index): EnvironmentSpec => ({ name: `env-${index}`, stage, cluster: { name: `cluster-${index}`, provider: "eks", region, role } })),
  );

const contextOf = (specs: readonly EnvironmentSpec[]) => ({
  environments: specs.map((spec) => ({ spec, resolved: resolveEnvironment(sourcedEnvironment(spec)) })),
  services: [],
  tenants: [],
});

describe("the cross-environment checks (properties)", () => {
  it("accept any set of environments iff every stage has exactly one primary, and report exactly the stages that do not", () => {
    fc.assert(
      fc.property(environmentsArb, (specs) => {
        const stageOk = (stage: Stage) => specs.filter((s) => s.stage === stage && s.cluster.role === "primary").length === 1;
        const present = STAGES.filter((stage) => specs.some((s) => s.stage === stage));
        const reported = new Set(onePrimary.check(contextOf(specs)).map((e) => specs.find((s) => s.name === e.subject)!.stage));
        expect([...reported].sort()).toEqual(present.filter((stage) => !stageOk(stage)).sort());
      }),
      RUNS,
    );
  });

  it("accept any set of environments iff no region has two clusters of one stage, and report exactly those clusters", () => {
    fc.assert(
      fc.property(environmentsArb, (specs) => {
        const shared = specs.filter((s) => specs.some((o) => o !== s && o.stage === s.stage && o.cluster.region === s.cluster.region));
        expect(uniqueRegion.check(contextOf(specs)).map((e) => e.subject).sort()).toEqual(shared.map((s) => s.name).sort());
      }),
      RUNS,
    );
  });

  it("refuse, through resolvePlatform, every platform without exactly one primary per stage, before anything renders", () => {
    fc.assert(
      fc.property(environmentsArb, (specs) => {
        const onePerStage = STAGES.every((stage) => !specs.some((s) => s.stage === stage) || specs.filter((s) => s.stage === stage && s.cluster.role === "primary").length === 1);
        const { models, errors } = resolvePlatform(fixturePlatform({ environments: specs.map(sourcedEnvironment) }));
        expect(errors.some((e) => e.path === "cluster.role")).toBe(!onePerStage);
        if (!onePerStage) expect(models).toEqual([]);
      }),
      RUNS,
    );
  });
});

// ---- Role flips ------------------------------------------------------------------------------------------------------

/** The fixture's cart as a stateful warm standby (or `absent` from DR clusters). */
const statefulCart = (disasterRecovery: "warm-standby" | "absent") => cartSpec({ workload: "stateful", storage: { size: "1Gi", mountPath: "/data" }, disasterRecovery });

const cartOverrideArb: fc.Arbitrary<ServiceOverride | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant({ disabled: true }),
  fc.record({ replicas: fc.integer({ min: 1, max: 4 }) }),
);

/** A prod stage of 2–3 clusters, each with a random override of cart and default replicas; which one is primary is chosen later. */
const stageArb = fc.record({
  disasterRecovery: fc.constantFrom("warm-standby" as const, "absent" as const),
  clusters: fc.array(fc.tuple(cartOverrideArb, fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined })), { minLength: 2, maxLength: 3 }),
});

/** The prod environments with cluster `primary` the primary: `lib/failover.ts`'s one-line flip. */
function prodStage(clusters: readonly (readonly [ServiceOverride | undefined, number | undefined])[], primary: number) {
  return clusters.map(([override, replicas], index) => {
    const name = `prod-${REGIONS[index]}`;
    const spec: EnvironmentSpec = {
      name,
      stage: "prod",
      cluster: { name, provider: "eks", region: REGIONS[index]!, role: index === primary ? "primary" : "dr" },
      ...(replicas === undefined ? {} : { defaults: { replicas } }),
      ...(override === undefined ? {} : { overrides: { cart: override } }),
    };
    return sourcedEnvironment(spec);
  });
}

function platformOf(cart: ServiceSpec, clusters: Parameters<typeof prodStage>[0], primary: number) {
  return fixturePlatform({
    services: [sourcedService(checkoutSpec()), sourcedService(cart), sourcedService(ledgerSpec())],
    environments: prodStage(clusters, primary),
  });
}

describe("role flips (lib/failover.ts) and the stateful services' warm standbys (properties)", () => {
  it("find the same warm-standby problems whichever cluster is the primary: a flip never makes a consistent stage inconsistent", () => {
    fc.assert(
      fc.property(stageArb, ({ disasterRecovery, clusters }) => {
        const cart = statefulCart(disasterRecovery);
        const problems = clusters.map((_, primary) => {
          const { environments } = platformOf(cart, clusters, primary);
          const context = { environments: environments.map((e) => ({ spec: e.spec, resolved: resolveEnvironment(e) })), services: [sourcedService(cart)], tenants: [] };
          return warmStandby.check(context).map(formatSpecError);
        });
        for (const other of problems.slice(1)) expect(other).toEqual(problems[0]);
      }),
      RUNS,
    );
  });

  it("render, for every choice of primary of an accepted stage, cart with the same replicas wherever it runs, and a warm standby in every cluster", () => {
    fc.assert(
      fc.property(stageArb, ({ disasterRecovery, clusters }) => {
        const cart = statefulCart(disasterRecovery);
        const { environments } = platformOf(cart, clusters, 0);
        const context = { environments: environments.map((e) => ({ spec: e.spec, resolved: resolveEnvironment(e) })), services: [sourcedService(cart)], tenants: [] };
        fc.pre(ENVIRONMENTS_CHECKS.every((rule) => rule.check(context).length === 0));
        for (const primary of clusters.keys()) {
          const { models, errors } = resolvePlatform(platformOf(cart, clusters, primary));
          expect(errors.map(formatSpecError)).toEqual([]);
          const carts = models.map((m) => ({ role: m.environment.cluster.role, cart: m.services.find((s) => s.name === "cart") }));
          const running = carts.filter((c) => c.cart !== undefined);
          // One replica count across the stage.
          expect(new Set(running.map((c) => (c.cart!.scaling.kind === "fixed" ? c.cart!.scaling.replicas : -1))).size).toBeLessThanOrEqual(1);
          // A warm standby runs in every cluster or none; "absent" runs in the primary only, or nowhere.
          if (disasterRecovery === "warm-standby") expect([0, carts.length]).toContain(running.length);
          else expect(running.every((c) => c.role === "primary")).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
