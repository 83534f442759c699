import type { EnvironmentModel, PlatformResolution, ResolvedService } from "@cloudlab/model";
import { resolvePlatform } from "@cloudlab/model";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatRenderProblem, renderEnvironment, renderPlatform, synthesize } from "../src/index.ts";
import { ENVIRONMENTS, fixturePlatform, sourcedService, webSpec } from "./fixtures.ts";

/** Lets a test change what `resolvePlatform` hands to `synthesize` (a model the spec checks would never produce). */
const injected = vi.hoisted(() => ({ transform: undefined as ((resolution: PlatformResolution) => PlatformResolution) | undefined }));

vi.mock("@cloudlab/model", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@cloudlab/model")>();
  return {
    ...actual,
    resolvePlatform: (definition: Parameters<typeof actual.resolvePlatform>[0]) => {
      const resolution = actual.resolvePlatform(definition);
      return injected.transform === undefined ? resolution : injected.transform(resolution);
    },
  };
});

afterEach(() => {
  injected.transform = undefined;
});

const BAD_RESOURCES: ResolvedService["resources"] = { requests: { cpu: "lots", memory: "128Mi" }, limits: { cpu: "1", memory: "1Gi" } };

/** A model whose named services ask for an invalid CPU quantity. */
function withBadResources(model: EnvironmentModel, names: readonly string[]): EnvironmentModel {
  return { ...model, services: model.services.map((s) => (names.includes(s.name) ? { ...s, resources: BAD_RESOURCES } : s)) };
}

function models(): readonly EnvironmentModel[] {
  const resolution = resolvePlatform(fixturePlatform());
  expect(resolution.errors).toEqual([]);
  return resolution.models;
}

function modelOf(environment: string): EnvironmentModel {
  return models().find((m) => m.environment.name === environment)!;
}

describe("an object that fails its model's validation", () => {
  it("is reported with the environment, the spec file, Kind/namespace/name and the field", () => {
    const { problems } = renderEnvironment(withBadResources(modelOf("staging"), ["checkout"]));
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem).toMatchObject({
        environment: "staging",
        file: "apps/platform/services/shop/checkout.ts",
        object: "Deployment/shop/checkout",
      });
    }
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^spec\.template\.spec\.containers\.0\.resources\.requests\.cpu: /));
    expect(formatRenderProblem(problems[0]!)).toMatch(
      /^apps\/platform\/services\/shop\/checkout\.ts: staging: Deployment\/shop\/checkout: spec\.template\.spec\.containers\.0\.resources\.requests\.cpu: /,
    );
  });

  it("is reported for every failing object, StatefulSets included, and only for those", () => {
    const { problems } = renderEnvironment(withBadResources(modelOf("prod-us-west-2"), ["checkout", "cache"]));
    expect([...new Set(problems.map((p) => `${p.file} ${p.object}`))].sort()).toEqual([
      "apps/platform/services/shop/cache.ts StatefulSet/shop/cache",
      "apps/platform/services/shop/checkout.ts Deployment/shop/checkout",
    ]);
  });

  it("stops the whole platform render: renderPlatform collects the problems of every environment", () => {
    const all = models().map((m) => (m.environment.name === "dev" || m.environment.name === "prod-us-east-1" ? withBadResources(m, ["web"]) : m));
    const render = renderPlatform(all);
    expect([...new Set(render.problems.map((p) => `${p.environment} ${p.object}`))]).toEqual([
      "dev Deployment/storefront/web",
      "prod-us-east-1 Deployment/storefront/web",
    ]);
    expect(render.problems.every((p) => p.file === "apps/platform/services/storefront/web.ts")).toBe(true);
  });

  it("makes synthesize return the problems and no files", () => {
    // An invalid volume size (synthesize also sums requests for its capacity report, so those stay valid here).
    injected.transform = (resolution) => ({
      ...resolution,
      models: resolution.models.map((m) =>
        m.environment.name !== "prod-us-west-2"
          ? m
          : { ...m, services: m.services.map((s) => (s.storage === undefined ? s : { ...s, storage: { ...s.storage, size: "five gigs" } })) },
      ),
    });
    const synthesis = synthesize(fixturePlatform());
    expect(synthesis.specErrors).toEqual([]);
    expect(synthesis.renderProblems.length).toBeGreaterThan(0);
    for (const problem of synthesis.renderProblems) {
      expect(problem).toMatchObject({ environment: "prod-us-west-2", file: "apps/platform/services/shop/cache.ts", object: "StatefulSet/shop/cache" });
    }
    expect(synthesis.renderProblems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/^spec\.volumeClaimTemplates\.0\.spec\.resources\.requests\.storage: /),
    );
    expect(synthesis.files).toEqual([]);
    expect(synthesis.environments).toEqual([...ENVIRONMENTS]);
  });

  it("is absent from a valid platform, which renders files", () => {
    const synthesis = synthesize(fixturePlatform());
    expect(synthesis.renderProblems).toEqual([]);
    expect(synthesis.files.length).toBeGreaterThan(0);
  });
});

describe("two objects with one identity", () => {
  // A stateful `cache` renders the Service `cache-headless`; a service named `cache-headless` renders one too.
  const definition = fixturePlatform({
    services: [
      ...fixturePlatform().services,
      sourcedService(webSpec({ name: "cache-headless", tenant: "shop", team: "shop-team", calls: [] })),
    ],
  });

  it("are reported, naming the file the identity is already rendered to, and synthesize returns no files", () => {
    const synthesis = synthesize(definition);
    expect(synthesis.specErrors).toEqual([]);
    expect(synthesis.files).toEqual([]);
    expect(synthesis.renderProblems).toHaveLength(ENVIRONMENTS.length);
    for (const [index, environment] of ENVIRONMENTS.entries()) {
      expect(synthesis.renderProblems[index]).toEqual({
        environment,
        file: "apps/platform/services/shop/cache-headless.ts",
        object: "Service/shop/cache-headless",
        message: `is already rendered to ${environment}/shop/cache/service-cache-headless.yaml`,
      });
    }
  });

  it("are not the same identity in different namespaces", () => {
    const other = fixturePlatform({
      services: [...fixturePlatform().services, sourcedService(webSpec({ name: "cache-headless", calls: [] }))],
    });
    const synthesis = synthesize(other);
    expect(synthesis.renderProblems).toEqual([]);
    expect(synthesis.files.map((f) => f.path)).toContain("dev/storefront/cache-headless/service-cache-headless.yaml");
    expect(synthesis.files.map((f) => f.path)).toContain("dev/shop/cache/service-cache-headless.yaml");
  });
});
