import { describe, expect, it } from "vitest";
import { buildMeshGraph, dotString, meshDot, meshHtml, meshMermaid, mermaidText } from "../../src/index.ts";
import { graphModel } from "./graph-fixtures.ts";

const graph = buildMeshGraph(graphModel());

describe("meshMermaid", () => {
  it("draws a subgraph per environment and tenant, stateful services as cylinders, cross-tenant calls dotted", () => {
    expect(meshMermaid([graph])).toBe(
      [
        "flowchart LR",
        '  subgraph e0["prod-us-west-2"]',
        "    direction LR",
        '    e0n0(["shop.example.com"])',
        '    subgraph e0t0["tenant cloud-lab"]',
        '      e0n1["cloud-lab-service<br/><small>v1 90% · v2 10%</small>"]',
        "    end",
        '    subgraph e0t1["tenant shop"]',
        '      e0n2[("cache")]',
        '      e0n3["checkout"]',
        "    end",
        '    subgraph e0t2["tenant storefront"]',
        '      e0n4["web"]',
        "    end",
        "  end",
        '  e0n0 -->|"/ :80"| e0n4',
        "  e0n3 --> e0n2",
        '  e0n4 -.->|"POST /checkout.v1.Checkout/PlaceOrder; cross-tenant"| e0n3',
        "  linkStyle 2 stroke:#c2410c,stroke-width:2px",
        "",
      ].join("\n"),
    );
  });

  it("numbers nodes per environment, so two environments are one diagram", () => {
    const two = meshMermaid([graph, buildMeshGraph(graphModel("dev"))]);
    expect(two).toContain('  subgraph e1["dev"]');
    expect(two).toContain('  e1n4 -.->|"POST /checkout.v1.Checkout/PlaceOrder; cross-tenant"| e1n3');
    expect(two).toContain("  linkStyle 2,5 stroke:#c2410c,stroke-width:2px");
  });

  it("writes quotes and angle brackets as entity codes", () => {
    expect(mermaidText('a "b" <c> #d')).toBe("a #34;b#34; #60;c#62; #35;d");
  });
});

describe("meshDot", () => {
  it("draws a cluster per environment and tenant, with environment-qualified node ids", () => {
    expect(meshDot([graph])).toBe(
      [
        "digraph mesh {",
        "  rankdir=LR;",
        '  node [fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
        "  subgraph cluster_0 {",
        '    label="prod-us-west-2";',
        '    "prod-us-west-2/ingress:shop.example.com" [label="shop.example.com", shape=oval, style=dashed];',
        "    subgraph cluster_0_0 {",
        '      label="tenant cloud-lab";',
        '      "prod-us-west-2/cloud-lab/cloud-lab-service" [label="cloud-lab-service\\nv1 90% · v2 10%", shape=box];',
        "    }",
        "    subgraph cluster_0_1 {",
        '      label="tenant shop";',
        '      "prod-us-west-2/shop/cache" [label="cache", shape=cylinder];',
        '      "prod-us-west-2/shop/checkout" [label="checkout", shape=box];',
        "    }",
        "    subgraph cluster_0_2 {",
        '      label="tenant storefront";',
        '      "prod-us-west-2/storefront/web" [label="web", shape=box];',
        "    }",
        "  }",
        '  "prod-us-west-2/ingress:shop.example.com" -> "prod-us-west-2/storefront/web" [label="/ :80"];',
        '  "prod-us-west-2/shop/checkout" -> "prod-us-west-2/shop/cache";',
        '  "prod-us-west-2/storefront/web" -> "prod-us-west-2/shop/checkout" [label="POST /checkout.v1.Checkout/PlaceOrder\\ncross-tenant", style=dashed, color="#c2410c"];',
        "}",
        "",
      ].join("\n"),
    );
  });

  it("escapes quotes, backslashes and new lines", () => {
    expect(dotString('a "b" \\c\nd')).toBe('"a \\"b\\" \\\\c\\nd"');
  });
});

describe("meshHtml", () => {
  const page = meshHtml([graph, buildMeshGraph(graphModel("dev"))]);

  it("is one self-contained page: no script, no external URL, a policy that forbids every fetch", () => {
    expect(page.startsWith("<!DOCTYPE html>\n")).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page.match(/https?:\/\/[^"]+/g)).toEqual(["http://www.w3.org/2000/svg", "http://www.w3.org/2000/svg"]);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it("has a section per environment with a box per service and per ingress host, and an arrow per edge", () => {
    expect([...page.matchAll(/<section id="environment-([^"]+)"/g)].map((m) => m[1])).toEqual(["prod-us-west-2", "dev"]);
    const services = [...page.matchAll(/data-service="([^"]+)"/g)].map((m) => m[1]);
    expect(services).toEqual([...graph.tenants.flatMap((t) => t.services), ...graph.tenants.flatMap((t) => t.services)]);
    expect(page.match(/data-ingress="shop.example.com"/g)).toHaveLength(2);
    expect(page.match(/<g class="edge call cross-tenant" data-from="storefront\/web" data-to="shop\/checkout">/g)).toHaveLength(2);
    expect(page).toContain('<text class="label"');
    expect(page).toContain("<td>storefront/web</td><td>shop/checkout</td><td>POST /checkout.v1.Checkout/PlaceOrder; cross-tenant</td>");
  });

  it("escapes every name it prints", () => {
    const hostile = { ...graph, environment: `<img src=x onerror="alert(1)">` };
    const text = meshHtml([hostile], "a <b> & 'c'");
    expect(text).not.toContain("<img");
    expect(text).toContain("<title>a &#60;b&#62; &#38; &#39;c&#39;</title>");
  });

  it("is deterministic", () => {
    expect(meshHtml([graph, buildMeshGraph(graphModel("dev"))])).toBe(page);
  });
});
