import type { PlatformDefinition, ServiceSpec, Sourced } from "@cloudlab/model";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { synthesize, type RenderedFile } from "../src/index.ts";
import { cacheSpec, checkoutSpec, fixturePlatform, sourcedService, sourcedTenant, webSpec } from "./fixtures.ts";

/** The fixture platform plus a third tenant and services with several calls, so order has something to change. */
function widePlatform(): PlatformDefinition {
  const base = fixturePlatform();
  const extra: ServiceSpec[] = [
    {
      name: "search",
      team: "web-team",
      tenant: "storefront",
      image: { repository: "registry.example.com/storefront/search", tag: "v0.3.1" },
      ports: [{ name: "http", port: 8080, protocol: "http" }],
      probes: { readiness: { http: { path: "/ready", port: "http" } }, liveness: { tcp: { port: 8080 } } },
      autoscaling: { minReplicas: 1, maxReplicas: 10 },
      calls: ["shop/cache", "shop/checkout", "payments/ledger"],
    },
    {
      name: "ledger",
      team: "payments-team",
      tenant: "payments",
      image: { repository: "registry.example.com/payments/ledger", digest: `sha256:${"cd".repeat(32)}` },
      ports: [{ name: "grpc", port: 50051, protocol: "grpc" }],
      probes: { readiness: { grpc: { port: 50051 } }, liveness: { grpc: { port: 50051 } } },
      replicas: 2,
      exposedTo: ["shop/checkout", "storefront/search", "shop/mailer"],
    },
    {
      name: "mailer",
      team: "shop-team",
      tenant: "shop",
      image: { repository: "registry.example.com/shop/mailer", tag: "v1.0.0" },
      replicas: 1,
      calls: ["checkout", "payments/ledger", "storefront/web"],
    },
  ];
  return {
    tenants: [...base.tenants, sourcedTenant({ name: "payments", team: "payments-team" })],
    services: [
      sourcedService(checkoutSpec({ calls: ["cache", "payments/ledger"], exposedTo: ["storefront/web", "storefront/search"] })),
      sourcedService(webSpec({ calls: ["shop/checkout", "storefront/search"], exposedTo: ["shop/mailer"] })),
      sourcedService(cacheSpec({ exposedTo: ["storefront/search"] })),
      ...extra.map(sourcedService),
    ],
    environments: base.environments,
  };
}

function render(definition: PlatformDefinition): readonly RenderedFile[] {
  const synthesis = synthesize(definition);
  expect(synthesis.specErrors).toEqual([]);
  expect(synthesis.renderProblems).toEqual([]);
  expect(synthesis.files.length).toBeGreaterThan(0);
  return synthesis.files;
}

/** A permutation of `items` (all of them, in any order). */
function permutation<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

const reference = render(widePlatform());

describe("determinism", () => {
  it("renders the same platform to the same files twice", () => {
    expect(render(widePlatform())).toEqual(reference);
    expect(render(fixturePlatform())).toEqual(render(fixturePlatform()));
  });

  it("renders byte-identical files whatever the order services, tenants, environments and calls are declared in", () => {
    const definition = widePlatform();
    const withCalls = fc.tuple(
      ...definition.services.map((s) =>
        permutation(s.spec.calls ?? []).map((calls): Sourced<ServiceSpec> => (s.spec.calls === undefined ? s : { ...s, spec: { ...s.spec, calls } })),
      ),
    );
    fc.assert(
      fc.property(
        permutation(definition.tenants),
        withCalls.chain((services) => permutation(services)),
        permutation(definition.environments),
        (tenants, services, environments) => {
          const files = render({ tenants, services, environments });
          expect(files.map((f) => f.path)).toEqual(reference.map((f) => f.path));
          for (const [i, file] of files.entries()) expect(file.content, file.path).toBe(reference[i]!.content);
        },
      ),
      { numRuns: 20 },
    );
  });

  it("returns the files sorted by path, each path once", () => {
    const paths = reference.map((f) => f.path);
    expect(paths).toEqual([...paths].sort());
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("writes no construct addresses, timestamps or nulls", () => {
    for (const file of reference) {
      expect(file.content, file.path).not.toContain("cdk8s.io/metadata.addr");
      expect(file.content, file.path).not.toMatch(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/);
      expect(file.content, file.path).not.toMatch(/\bnull\b/);
      expect(file.content, file.path).not.toContain("creationTimestamp");
      expect(file.content, file.path).not.toMatch(/^\s*status:/m);
    }
  });

  describe("cdk8s settings from the environment", () => {
    const saved = { ...process.env };
    afterEach(() => {
      for (const key of ["CDK8S_DISABLE_SORT", "CDK8S_RECORD_CONSTRUCT_METADATA"]) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    });

    it("do not change the output", () => {
      process.env.CDK8S_DISABLE_SORT = "1";
      process.env.CDK8S_RECORD_CONSTRUCT_METADATA = "true";
      expect(render(widePlatform())).toEqual(reference);
    });
  });
});
