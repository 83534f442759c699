import { describe, expect, it } from "vitest";
import { buildMeshGraph, operationLabels, versionLabel, type MeshServiceNode } from "../../src/index.ts";
import { cacheSpec, checkoutSpec, cloudLabSpec, fixtureEnvironments, sourcedService, webSpec } from "../../../constructs/test/fixtures.ts";
import { graphModel, graphPlatform } from "./graph-fixtures.ts";

describe("buildMeshGraph", () => {
  const graph = buildMeshGraph(graphModel());

  it("has a node per ingress host, then a node per service sorted by tenant and name, grouped by tenant", () => {
    expect(graph.environment).toBe("prod-us-west-2");
    expect(graph.nodes.map((n) => n.id)).toEqual([
      "ingress:shop.example.com",
      "cloud-lab/cloud-lab-service",
      "shop/cache",
      "shop/checkout",
      "storefront/web",
    ]);
    expect(graph.tenants).toEqual([
      { name: "cloud-lab", services: ["cloud-lab/cloud-lab-service"] },
      { name: "shop", services: ["shop/cache", "shop/checkout"] },
      { name: "storefront", services: ["storefront/web"] },
    ]);
  });

  it("has an edge per declared call and per ingress host, with what the callee accepts and cross-tenant marked", () => {
    expect(graph.edges).toEqual([
      { kind: "ingress", from: "ingress:shop.example.com", to: "storefront/web", crossTenant: false, operations: [], route: "/ :80" },
      { kind: "call", from: "shop/checkout", to: "shop/cache", crossTenant: false, operations: [], route: undefined },
      {
        kind: "call",
        from: "storefront/web",
        to: "shop/checkout",
        crossTenant: true,
        operations: [{ methods: ["POST"], paths: ["/checkout.v1.Checkout/PlaceOrder"], ports: [] }],
        route: undefined,
      },
    ]);
    expect(graph.edges.map(operationLabels)).toEqual([["/ :80"], [], ["POST /checkout.v1.Checkout/PlaceOrder"]]);
  });

  it("shows canary versions with their weights and a blue-green pair with its live side", () => {
    const canary = graph.nodes.find((n) => n.id === "cloud-lab/cloud-lab-service") as MeshServiceNode;
    expect(canary.versions).toEqual([
      { name: "v1", weight: 90 },
      { name: "v2", weight: 10 },
    ]);
    expect(versionLabel(canary)).toBe("v1 90% · v2 10%");
    const blueGreen = buildMeshGraph(
      graphModel(
        "dev",
        graphPlatform({
          services: [
            sourcedService(checkoutSpec()),
            sourcedService(webSpec()),
            sourcedService(cacheSpec()),
            sourcedService(
              cloudLabSpec({
                versions: [
                  { name: "blue", image: { tag: "1.0.0" } },
                  { name: "green", image: { tag: "1.1.0" } },
                ],
                routing: { strategy: "blue-green", live: "green" },
              }),
            ),
          ],
        }),
      ),
    ).nodes.find((n) => n.id === "cloud-lab/cloud-lab-service") as MeshServiceNode;
    expect(versionLabel(blueGreen)).toBe("blue-green: blue idle · green live");
    expect(versionLabel(graph.nodes.find((n) => n.id === "shop/checkout") as MeshServiceNode)).toBe("");
  });

  it("leaves out a service that does not run in the environment, and its edges (the DR cluster without the cache)", () => {
    const platform = graphPlatform({
      services: [sourcedService(checkoutSpec()), sourcedService(webSpec()), sourcedService(cacheSpec({ disasterRecovery: "absent" }))],
    });
    const dr = buildMeshGraph(graphModel("prod-us-east-1", platform));
    expect(dr.nodes.map((n) => n.id)).toEqual(["shop/checkout", "storefront/web"]);
    expect(dr.edges.map((e) => `${e.from} → ${e.to}`)).toEqual(["storefront/web → shop/checkout"]);
  });

  it("labels each accept rule naming the caller, and an unrestricted rule as no label", () => {
    const platform = graphPlatform({
      services: [
        sourcedService(
          checkoutSpec({
            accepts: [
              { from: ["storefront/web"], methods: ["GET"], paths: ["/a", "/b"] },
              { from: ["storefront/web"], ports: [9090] },
            ],
          }),
        ),
        sourcedService(webSpec()),
        sourcedService(cacheSpec()),
      ],
      environments: fixtureEnvironments(),
    });
    const edge = buildMeshGraph(graphModel("dev", platform)).edges.find((e) => e.from === "storefront/web")!;
    expect(operationLabels(edge)).toEqual(["GET /a, /b", ":9090"]);
  });

  it("is deterministic: the same model in another service order gives the same graph", () => {
    const reversed = graphPlatform();
    const again = buildMeshGraph(graphModel("prod-us-west-2", { ...reversed, services: [...reversed.services].reverse() }));
    expect(again).toEqual(graph);
  });
});
