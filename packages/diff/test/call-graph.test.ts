import { describe, expect, it } from "vitest";
import { callEdges, callGraphMarkdown, diffCallGraph, formatMarkdown, MAX_DIAGRAM_EDGES, type CallGraphChange, type Manifest } from "../src/index.ts";
import { authorizationPolicy, diff, ENVIRONMENT_SPECS, everywhere, manifest, rendered } from "./fixtures.ts";

/** A Deployment of `namespace/name` whose pods run as service account `account`. */
function workload(name: string, account: string, namespace = "shop"): Manifest {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, labels: { "app.kubernetes.io/name": name } },
    spec: { template: { spec: { serviceAccountName: account } } },
  };
}

/** An ALLOW policy of `namespace/callee` with the given raw rules. */
function allow(callee: string, rules: unknown[], namespace = "shop"): Manifest {
  return manifest("security.istio.io/v1", "AuthorizationPolicy", callee, { action: "ALLOW", rules, selector: { matchLabels: { "app.kubernetes.io/name": callee } } }, namespace);
}

const principal = (namespace: string, account: string) => ({ source: { principals: [`cluster.local/ns/${namespace}/sa/${account}`] } });

describe("callEdges", () => {
  it("reads an edge per principal of each ALLOW policy, mapping service accounts back to their services", () => {
    const objects = [
      workload("checkout", "checkout-sa"),
      workload("web", "web", "storefront"),
      allow("payment", [
        { from: [principal("shop", "checkout-sa")], to: [{ operation: { methods: ["POST"], paths: ["/pay.Payment/Charge"] } }] },
        { from: [principal("storefront", "web")], to: [{ operation: { ports: ["8080"] } }, { operation: { methods: ["GET"] } }] },
        { from: [principal("istio-ingress", "gateway"), { source: { namespaces: ["monitoring"] } }] },
      ]),
      allow("cache", [{ from: [principal("shop", "checkout-sa")] }]),
      authorizationPolicy("deny-all", []),
      manifest("security.istio.io/v1", "AuthorizationPolicy", "no-checkout", { action: "DENY", rules: [{ from: [principal("shop", "checkout-sa")] }] }),
    ].map((m) => rendered("dev", m));
    expect(callEdges(objects)).toEqual([
      { from: "istio-ingress/gateway", to: "shop/payment", crossNamespace: true, operations: [] },
      { from: "namespace monitoring", to: "shop/payment", crossNamespace: true, operations: [] },
      { from: "shop/checkout", to: "shop/cache", crossNamespace: false, operations: [] },
      { from: "shop/checkout", to: "shop/payment", crossNamespace: false, operations: ["POST /pay.Payment/Charge"] },
      { from: "storefront/web", to: "shop/payment", crossNamespace: true, operations: [":8080", "GET"] },
    ]);
  });

  it("an unrestricted rule for a caller makes its edge unrestricted, whatever other rules say", () => {
    const objects = [allow("payment", [{ from: [principal("shop", "a")], to: [{ operation: { paths: ["/x"] } }] }, { from: [principal("shop", "a")] }])].map((m) =>
      rendered("dev", m),
    );
    expect(callEdges(objects)).toEqual([{ from: "shop/a", to: "shop/payment", crossNamespace: false, operations: [] }]);
  });
});

describe("diffCallGraph", () => {
  const base = everywhere([workload("web", "web"), workload("checkout", "checkout"), allow("checkout", [{ from: [principal("shop", "web")] }])]);

  it("lists the edges each environment gains and loses, in report order, and leaves unchanged environments out", () => {
    const head = [
      ...base.filter((o) => o.key.environment !== "dev" || o.manifest.kind !== "AuthorizationPolicy"),
      rendered("dev", allow("web", [{ from: [principal("shop", "checkout")], to: [{ operation: { methods: ["GET"] } }] }])),
      rendered("prod-us-west-2", allow("web", [{ from: [principal("shop", "checkout")] }])),
    ];
    expect(diffCallGraph({ base, head, environments: ENVIRONMENT_SPECS })).toEqual([
      {
        environment: "dev",
        added: [{ from: "shop/checkout", to: "shop/web", crossNamespace: false, operations: ["GET"] }],
        removed: [{ from: "shop/web", to: "shop/checkout", crossNamespace: false, operations: [] }],
      },
      { environment: "prod-us-west-2", added: [{ from: "shop/checkout", to: "shop/web", crossNamespace: false, operations: [] }], removed: [] },
    ]);
  });

  it("does not count an edge whose operations changed", () => {
    const head = everywhere([workload("web", "web"), workload("checkout", "checkout"), allow("checkout", [{ from: [principal("shop", "web")], to: [{ operation: { paths: ["/a"] } }] }])]);
    expect(diffCallGraph({ base, head, environments: ENVIRONMENT_SPECS })).toEqual([]);
  });
});

describe("callGraphMarkdown", () => {
  const added = { from: "storefront/web", to: "shop/checkout", crossNamespace: true, operations: ["POST /checkout.v1.Checkout/PlaceOrder"] };
  const removed = { from: "shop/checkout", to: "shop/cache", crossNamespace: false, operations: [] };

  it("draws one Mermaid diagram per set of environments with the same changes: added solid green, removed dashed red, cross-tenant thicker", () => {
    const changes: CallGraphChange[] = [
      { environment: "dev", added: [added], removed: [removed] },
      { environment: "staging", added: [added], removed: [removed] },
      { environment: "prod-us-west-2", added: [added], removed: [] },
    ];
    expect(callGraphMarkdown(changes).join("\n")).toBe(
      [
        "**Call graph changes** (who may call whom)",
        "",
        "dev, staging:",
        "",
        "```mermaid",
        "flowchart LR",
        '  subgraph g0["storefront"]',
        '    n0["storefront/web"]',
        "  end",
        '  subgraph g1["shop"]',
        '    n1["shop/checkout"]',
        '    n2["shop/cache"]',
        "  end",
        '  n0 -->|"added · cross-tenant · POST /checkout.v1.Checkout/PlaceOrder"| n1',
        '  n1 -.->|"removed"| n2',
        "  linkStyle 0 stroke:#16a34a,stroke-width:4px",
        "  linkStyle 1 stroke:#dc2626,stroke-width:2px,stroke-dasharray:5 5",
        "```",
        "",
        "- added: storefront/web → shop/checkout (cross-tenant): POST /checkout.v1.Checkout/PlaceOrder",
        "- removed: shop/checkout → shop/cache",
        "",
        "prod-us-west-2:",
        "",
        "```mermaid",
        "flowchart LR",
        '  subgraph g0["storefront"]',
        '    n0["storefront/web"]',
        "  end",
        '  subgraph g1["shop"]',
        '    n1["shop/checkout"]',
        "  end",
        '  n0 -->|"added · cross-tenant · POST /checkout.v1.Checkout/PlaceOrder"| n1',
        "  linkStyle 0 stroke:#16a34a,stroke-width:4px",
        "```",
        "",
        "- added: storefront/web → shop/checkout (cross-tenant): POST /checkout.v1.Checkout/PlaceOrder",
        "",
      ].join("\n"),
    );
  });

  it("draws and lists at most MAX_DIAGRAM_EDGES edges, and says so", () => {
    const many = Array.from({ length: MAX_DIAGRAM_EDGES + 5 }, (_, i) => ({ from: `shop/caller-${i}`, to: "shop/cache", crossNamespace: false, operations: [] }));
    const lines = callGraphMarkdown([{ environment: "dev", added: many, removed: [] }]);
    expect(lines.filter((l) => l.startsWith("  n") && l.includes("-->"))).toHaveLength(MAX_DIAGRAM_EDGES);
    expect(lines.filter((l) => l.startsWith("- added: "))).toHaveLength(MAX_DIAGRAM_EDGES);
    expect(lines).toContain(`Only the first ${MAX_DIAGRAM_EDGES} of ${MAX_DIAGRAM_EDGES + 5} changed calls are shown; \`npx cloudlab graph\` draws the whole mesh.`);
  });

  it("adds no lines when no call changed, and formatMarkdown puts the section after the summary table", () => {
    expect(callGraphMarkdown([])).toEqual([]);
    const head = everywhere([authorizationPolicy("checkout", [{ from: ["web"] }])]);
    const result = diff([], head);
    const callGraph = diffCallGraph({ base: [], head, environments: ENVIRONMENT_SPECS });
    const comment = formatMarkdown(result, { base: "main", head: "working tree" }, { callGraph });
    expect(comment).toContain("| prod-us-east-1 | 1 | 0 | 0 |\n\n**Call graph changes** (who may call whom)\n\ndev, staging, prod-us-west-2, prod-us-east-1:\n\n```mermaid\n");
    expect(comment.indexOf("```mermaid")).toBeLessThan(comment.indexOf("<details>"));
    expect(formatMarkdown(result, { base: "main", head: "working tree" })).not.toContain("mermaid");
  });
});
