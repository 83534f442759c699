import { App } from "cdk8s";
import { describe, expect, it } from "vitest";
import { EnvironmentChart, KubeObject, ResourceGroup, ServiceResources, TenantResources } from "../src/index.ts";
import { fixturePlatform, modelOf, resolveModels, sourcedService, sourcedTenant, webSpec, workerSpec } from "./fixtures.ts";

function objectsOf(chart: EnvironmentChart): string[] {
  return chart.node
    .findAll()
    .filter((c): c is KubeObject => c instanceof KubeObject)
    .map((o) => `${ResourceGroup.of(o)!.folder}: ${o.kind}/${o.name}`)
    .sort();
}

describe("EnvironmentChart", () => {
  it("makes a tenant group per tenant and a service group per service", () => {
    const chart = new EnvironmentChart(new App(), "dev", { model: modelOf("dev") });
    const groups = chart.node.children.filter((c): c is ResourceGroup => c instanceof ResourceGroup);
    expect(groups.filter((g) => g instanceof TenantResources).map((g) => g.folder)).toEqual(["shop/_tenant", "storefront/_tenant"]);
    expect(groups.filter((g) => g instanceof ServiceResources).map((g) => g.folder)).toEqual(["shop/cache", "shop/checkout", "storefront/web"]);
  });

  // Tenant projects may not manage cluster-scoped kinds: every Namespace, tenants' included, is the platform's.
  it("puts each tenant's Namespace in the _cluster group, attributed to the environment file", () => {
    const chart = new EnvironmentChart(new App(), "dev", { model: modelOf("dev") });
    const namespaces = chart.node.findAll().filter((c): c is KubeObject => c instanceof KubeObject && c.kind === "Namespace");
    const tenants = namespaces.filter((n) => ["shop", "storefront"].includes(n.name));
    expect(tenants.map((n) => [n.name, ResourceGroup.of(n)!.folder, ResourceGroup.of(n)!.sourceFile])).toEqual([
      ["shop", "_cluster", "apps/platform/environments/dev.ts"],
      ["storefront", "_cluster", "apps/platform/environments/dev.ts"],
    ]);
    expect(namespaces.every((n) => ResourceGroup.of(n)!.folder === "_cluster")).toBe(true);
  });

  it("gives every object of every environment an empty node.validate()", () => {
    for (const model of resolveModels()) {
      const chart = new EnvironmentChart(new App(), model.environment.name, { model });
      for (const object of chart.node.findAll().filter((c): c is KubeObject => c instanceof KubeObject)) {
        expect(object.node.validate(), `${model.environment.name} ${object.kind}/${object.name}`).toEqual([]);
      }
    }
  });

  it("builds services whose tenant and name join to the same text (a-b/c and a/b-c) side by side", () => {
    const definition = fixturePlatform({
      tenants: [...fixturePlatform().tenants, sourcedTenant({ name: "a", team: "t" }), sourcedTenant({ name: "a-b", team: "t" })],
      services: [
        ...fixturePlatform().services,
        sourcedService(workerSpec({ tenant: "a-b", name: "c" })),
        sourcedService(webSpec({ tenant: "a", name: "b-c", calls: [] })),
      ],
    });
    const chart = new EnvironmentChart(new App(), "dev", { model: modelOf("dev", definition) });
    const objects = objectsOf(chart);
    expect(objects).toContain("a-b/c: Deployment/c");
    expect(objects).toContain("a/b-c: Deployment/b-c");
  });
});
