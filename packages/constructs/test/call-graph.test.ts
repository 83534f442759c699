import type { ResolvedService } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import { buildCallGraph } from "../src/index.ts";
import { TENANTS, cacheSpec, checkoutSpec, fixtureEnvironments, fixturePlatform, modelOf, sourcedService, webSpec, workerSpec } from "./fixtures.ts";

const names = (services: readonly ResolvedService[]) => services.map((s) => `${s.tenant}/${s.name}`);

describe("buildCallGraph", () => {
  // The fixture: storefront/web → shop/checkout → shop/cache.
  const model = modelOf("prod-us-west-2");
  const graph = buildCallGraph(model.services);
  const service = (name: string) => model.services.find((s) => s.name === name)!;

  it("gives each service the services it calls and the services that call it, across tenants", () => {
    expect(names(graph.callees(service("web")))).toEqual(["shop/checkout"]);
    expect(names(graph.callers(service("checkout")))).toEqual(["storefront/web"]);
    expect(names(graph.callees(service("checkout")))).toEqual(["shop/cache"]);
    expect(names(graph.callers(service("cache")))).toEqual(["shop/checkout"]);
    expect(names(graph.callers(service("web")))).toEqual([]);
    expect(names(graph.callees(service("cache")))).toEqual([]);
  });

  it("returns the resolved services themselves", () => {
    expect(graph.callees(service("web"))[0]).toBe(service("checkout"));
  });

  it("sorts callers and callees by tenant/name, whatever the order of calls", () => {
    const definition = fixturePlatform({
      services: [
        sourcedService(checkoutSpec({ calls: ["mailer", "cache"] })),
        sourcedService(webSpec({ calls: ["shop/mailer", "shop/checkout"] })),
        sourcedService(cacheSpec({ calls: ["mailer"] })),
        sourcedService(workerSpec({ exposedTo: ["storefront/web"] })),
      ],
    });
    const m = modelOf("prod-us-west-2", definition);
    const g = buildCallGraph(m.services);
    const s = (name: string) => m.services.find((x) => x.name === name)!;
    expect(names(g.callees(s("checkout")))).toEqual(["shop/cache", "shop/mailer"]);
    expect(names(g.callees(s("web")))).toEqual(["shop/checkout", "shop/mailer"]);
    expect(names(g.callers(s("mailer")))).toEqual(["shop/cache", "shop/checkout", "storefront/web"]);
  });

  it("leaves out callees that do not run in the environment, and their edges both ways", () => {
    const environments = fixtureEnvironments().map((e) => (e.spec.name === "dev" ? { ...e, spec: { ...e.spec, overrides: { checkout: { disabled: true } } } } : e));
    const dev = modelOf("dev", fixturePlatform({ environments }));
    const g = buildCallGraph(dev.services);
    expect(names(dev.services)).toEqual(["shop/cache", "storefront/web"]);
    for (const s of dev.services) {
      expect(names(g.callers(s)), s.name).toEqual([]);
      expect(names(g.callees(s)), s.name).toEqual([]);
    }
  });

  it("answers empty lists for a service it does not know", () => {
    expect(buildCallGraph([]).callers(service("checkout"))).toEqual([]);
    expect(TENANTS.map((t) => t.spec.name)).toEqual(["shop", "storefront"]);
  });
});
