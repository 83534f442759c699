import { describe, expect, it } from "vitest";
import { formatSpecError, resolvePlatform, type EnvironmentModel, type EnvironmentSpec, type PlatformDefinition, type ServiceSpec } from "../src/index.ts";
import { cartSpec, checkoutSpec, fixtureEnvironments, fixturePlatform, ledgerSpec, sourcedService } from "./fixtures.ts";

function modelsOf(definition: PlatformDefinition): readonly EnvironmentModel[] {
  const { models, errors } = resolvePlatform(definition);
  expect(errors.map(formatSpecError)).toEqual([]);
  return models;
}

function environment(models: readonly EnvironmentModel[], name: string) {
  const model = models.find((m) => m.environment.name === name);
  if (model === undefined) throw new Error(`no environment ${name}`);
  return model;
}

/** The fixture platform with checkout declared by `checkout` and each environment's changes. */
function platformWith(checkout: ServiceSpec, changes: Readonly<Record<string, Partial<EnvironmentSpec>>> = {}): PlatformDefinition {
  return fixturePlatform({
    services: [sourcedService(checkout), sourcedService(cartSpec()), sourcedService(ledgerSpec())],
    environments: fixtureEnvironments(changes),
  });
}

/** checkout's min and max replicas in each environment. */
function checkoutRange(definition: PlatformDefinition): Record<string, [number, number] | number> {
  return Object.fromEntries(
    modelsOf(definition).map((m) => {
      const scaling = m.services.find((s) => s.name === "checkout")!.scaling;
      return [m.environment.name, scaling.kind === "autoscaled" ? [scaling.minReplicas, scaling.maxReplicas] : scaling.replicas];
    }),
  );
}

describe("peers: the other clusters of an environment's stage", () => {
  const models = modelsOf(fixturePlatform());

  it("gives each prod cluster the other one, with its region, role and network", () => {
    expect(environment(models, "prod-us-west-2").environment.peers).toEqual([
      { name: "prod-us-east-1", region: "us-east-1", role: "dr", network: "network-us-east-1" },
    ]);
    expect(environment(models, "prod-us-east-1").environment.peers).toEqual([
      { name: "prod-us-west-2", region: "us-west-2", role: "primary", network: "network-us-west-2" },
    ]);
  });

  it("gives a stage with a single cluster no peers", () => {
    expect(environment(models, "dev-us-west-2").environment.peers).toEqual([]);
    expect(environment(models, "staging-us-west-2").environment.peers).toEqual([]);
  });

  it("takes a declared network, and defaults it to network-<region>", () => {
    const declared = modelsOf(
      fixturePlatform({
        environments: fixtureEnvironments({
          "prod-us-east-1": { cluster: { name: "prod-us-east-1", provider: "eks", region: "us-east-1", role: "dr", network: "east" } },
        }),
      }),
    );
    expect(environment(declared, "prod-us-east-1").environment.cluster.network).toBe("east");
    expect(environment(declared, "prod-us-west-2").environment.peers).toEqual([{ name: "prod-us-east-1", region: "us-east-1", role: "dr", network: "east" }]);
    expect(environment(declared, "prod-us-west-2").environment.cluster.network).toBe("network-us-west-2");
  });
});

describe("delivery settings", () => {
  it("default to Argo CD only, from the cloud-lab platform repository's main branch", () => {
    expect(environment(modelsOf(fixturePlatform()), "dev-us-west-2").environment.delivery).toEqual({
      argocd: true,
      flux: false,
      repoUrl: "https://github.com/cloud-lab/platform.git",
      revision: "main",
    });
  });

  it("take Flux, another repository and a branch from the environment", () => {
    const definition = platformWith(checkoutSpec(), {
      "staging-us-west-2": { delivery: { argocd: false, flux: true, repoUrl: "https://git.example.com/platform.git", revision: "release" } },
    });
    const models = modelsOf(definition);
    expect(environment(models, "staging-us-west-2").environment.delivery).toEqual({
      argocd: false,
      flux: true,
      repoUrl: "https://git.example.com/platform.git",
      revision: "release",
    });
    expect(environment(models, "dev-us-west-2").environment.delivery.flux).toBe(false);
  });
});

describe("the DR cluster's warm standby (defaults.drMinReplicasPercent)", () => {
  it("keeps 30 % of the prod minimum (rounded up) and the same maximum; the primary keeps both", () => {
    const checkout = checkoutSpec({ autoscaling: { minReplicas: 10, maxReplicas: 100 } });
    expect(checkoutRange(platformWith(checkout))).toEqual({
      "dev-us-west-2": 1,
      "staging-us-west-2": [5, 5],
      "prod-us-west-2": [10, 100],
      "prod-us-east-1": [3, 100],
    });
  });

  it("rounds up and never goes below one pod", () => {
    expect(checkoutRange(platformWith(checkoutSpec({ autoscaling: { minReplicas: 5, maxReplicas: 50 } })))["prod-us-east-1"]).toEqual([2, 50]);
    expect(checkoutRange(platformWith(checkoutSpec({ autoscaling: { minReplicas: 3, maxReplicas: 30 } })))["prod-us-east-1"]).toEqual([1, 30]);
    expect(checkoutRange(platformWith(checkoutSpec({ autoscaling: { minReplicas: 1, maxReplicas: 10 } })))["prod-us-east-1"]).toEqual([1, 10]);
  });

  it("takes the share from the DR environment's defaults", () => {
    const checkout = checkoutSpec({ autoscaling: { minReplicas: 10, maxReplicas: 100 } });
    const range = (percent: number) => checkoutRange(platformWith(checkout, { "prod-us-east-1": { defaults: { drMinReplicasPercent: percent } } }));
    expect(range(50)["prod-us-east-1"]).toEqual([5, 100]);
    expect(range(100)["prod-us-east-1"]).toEqual([10, 100]);
    expect(range(1)["prod-us-east-1"]).toEqual([1, 100]);
    // The primary's own defaults do not matter while it is the primary.
    expect(checkoutRange(platformWith(checkout, { "prod-us-west-2": { defaults: { drMinReplicasPercent: 50 } } }))["prod-us-west-2"]).toEqual([10, 100]);
  });

  it("keeps a minimum the DR environment's override sets explicitly", () => {
    const checkout = checkoutSpec({ autoscaling: { minReplicas: 10, maxReplicas: 100 } });
    const range = checkoutRange(platformWith(checkout, { "prod-us-east-1": { overrides: { checkout: { autoscaling: { minReplicas: 4 } } } } }));
    expect(range["prod-us-east-1"]).toEqual([4, 100]);
    expect(range["prod-us-west-2"]).toEqual([10, 100]);
  });

  it("swaps with the roles: the cluster named DR is the one on standby", () => {
    const checkout = checkoutSpec({ autoscaling: { minReplicas: 10, maxReplicas: 100 } });
    const swapped = platformWith(checkout, {
      "prod-us-west-2": { cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2", role: "dr" } },
      "prod-us-east-1": { cluster: { name: "prod-us-east-1", provider: "eks", region: "us-east-1", role: "primary" } },
    });
    const range = checkoutRange(swapped);
    expect([range["prod-us-west-2"], range["prod-us-east-1"]]).toEqual([
      [3, 100],
      [10, 100],
    ]);
  });
});

describe("a primary + DR pair's consistency (src/checks/environments/)", () => {
  const ONE = `exactly one cluster of a stage is "primary", the others "dr" (active-active is not supported: docs/multi-cluster.md)`;

  it("refuses two prod primaries in both environment files, each naming the other, and resolves nothing", () => {
    const resolution = resolvePlatform(fixturePlatform({ environments: fixtureEnvironments({ "prod-us-east-1": { cluster: { name: "prod-us-east-1", provider: "eks", region: "us-east-1", role: "primary" } } }) }));
    expect(resolution.models).toEqual([]);
    expect(resolution.errors.map(formatSpecError)).toEqual([
      `apps/platform/environments/prod-us-east-1.ts: prod-us-east-1: cluster.role: stage prod has 2 primaries: this one and prod-us-west-2 (apps/platform/environments/prod-us-west-2.ts); ${ONE}`,
      `apps/platform/environments/prod-us-west-2.ts: prod-us-west-2: cluster.role: stage prod has 2 primaries: this one and prod-us-east-1 (apps/platform/environments/prod-us-east-1.ts); ${ONE}`,
    ]);
  });

  it("refuses a prod stage without a primary", () => {
    const resolution = resolvePlatform(fixturePlatform({ environments: fixtureEnvironments({ "prod-us-west-2": { cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2", role: "dr" } } }) }));
    expect(resolution.errors.map(formatSpecError)).toEqual([
      `apps/platform/environments/prod-us-east-1.ts: prod-us-east-1: cluster.role: stage prod has no primary: this one and prod-us-west-2 (apps/platform/environments/prod-us-west-2.ts) are "dr"; ${ONE}`,
      `apps/platform/environments/prod-us-west-2.ts: prod-us-west-2: cluster.role: stage prod has no primary: this one and prod-us-east-1 (apps/platform/environments/prod-us-east-1.ts) are "dr"; ${ONE}`,
    ]);
  });

  it("reports the pair's problems together with the services' (one run shows them all)", () => {
    const environments = fixtureEnvironments({
      "prod-us-east-1": { cluster: { name: "prod-us-east-1", provider: "eks", region: "us-west-2", role: "dr" }, overrides: { cart: { replicas: 1 } } },
    });
    const cart = cartSpec({ workload: "stateful", storage: { size: "1Gi", mountPath: "/data" } });
    const resolution = resolvePlatform(fixturePlatform({ services: [sourcedService(checkoutSpec()), sourcedService(cart), sourcedService(ledgerSpec())], environments }));
    expect(resolution.errors.map(formatSpecError)).toEqual([
      `apps/platform/environments/prod-us-east-1.ts: cart (prod-us-east-1): replicas: 1 here, but 3 in prod-us-west-2 (apps/platform/environments/prod-us-west-2.ts): a stateful service runs the same replicas in every cluster of stage prod (a restore brings back one volume claim per replica); set the same replicas in each`,
      `apps/platform/environments/prod-us-east-1.ts: prod-us-east-1: cluster.region: "us-west-2" is also the region of prod-us-west-2 (apps/platform/environments/prod-us-west-2.ts): each region hosts at most one cluster of a stage (a failover moves the traffic to another region)`,
      `apps/platform/environments/prod-us-west-2.ts: cart (prod-us-west-2): replicas: 3 here, but 1 in prod-us-east-1 (apps/platform/environments/prod-us-east-1.ts): a stateful service runs the same replicas in every cluster of stage prod (a restore brings back one volume claim per replica); set the same replicas in each`,
      `apps/platform/environments/prod-us-west-2.ts: prod-us-west-2: cluster.region: "us-west-2" is also the region of prod-us-east-1 (apps/platform/environments/prod-us-east-1.ts): each region hosts at most one cluster of a stage (a failover moves the traffic to another region)`,
    ]);
  });
});
