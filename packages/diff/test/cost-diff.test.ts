import { describe, expect, it } from "vitest";
import { diffCost, diffPlatform, formatJson, formatMarkdown, formatText, orderEnvironments, PLAIN } from "../src/index.ts";
import { environmentCostOf } from "./cost-fixtures.ts";
import { ENVIRONMENT_SPECS, hpa, rendered } from "./fixtures.ts";

const ORDER = orderEnvironments(ENVIRONMENT_SPECS, ENVIRONMENT_SPECS.map((e) => e.name));

describe("diffCost", () => {
  const base = [environmentCostOf("staging", "staging", { shop: { a: [10, 10], b: [10, 10], c: [10, 10] }, web: { ui: [5, 5] } })];

  it("lists changed environments in report order; tenants and services by the size of the change at max, then at min, then name", () => {
    const head = [
      environmentCostOf("prod-us-west-2", "prod", { shop: { a: [1, 1] } }),
      environmentCostOf("staging", "staging", { shop: { a: [10, 30], b: [5, 10], c: [30, 10] }, web: { ui: [5, 50] } }),
    ];
    const cost = diffCost({ base, head }, ORDER);
    expect(cost.environments.map((e) => [e.environment.name, e.before.atMax, e.after.atMax])).toEqual([
      ["staging", 208, 273],
      ["prod-us-west-2", 0, 174],
    ]);
    const staging = cost.environments[0]!;
    expect(staging.tenants.map((t) => [t.tenant, t.delta.atMin, t.delta.atMax])).toEqual([
      ["web", 0, 45],
      ["shop", 15, 20],
    ]);
    // a and c both +/-20 at max... a: +20 at max, 0 at min; c: 0 at max, +20 at min; b: -5 at min, 0 at max.
    expect(staging.tenants[1]!.services.map((s) => s.service)).toEqual(["a", "c", "b"]);
    // The new environment: its add-ons and control plane are new too.
    expect(cost.environments[1]!.platform?.delta).toEqual({ atMin: 173, atMax: 173 });
    expect(staging.platform).toBeUndefined();
  });

  it("leaves out what does not change to the cent", () => {
    const head = [environmentCostOf("staging", "staging", { shop: { a: [10.001, 10.004], b: [10, 10], c: [10, 10] }, web: { ui: [5, 5] } })];
    expect(diffCost({ base, head }, ORDER).environments).toEqual([]);
  });

  it("says why when the base's cost is unknown", () => {
    expect(diffCost({ base: undefined, head: base, unavailable: "the base revision's specs do not load: x" }, ORDER)).toEqual({
      pricesAsOf: "2025-06-01",
      environments: [],
      unavailable: "the base revision's specs do not load: x",
    });
  });
});

describe("the cost section of the reports", () => {
  const SUBJECT = { base: "main (1a2b3c4)", head: "working tree" };
  const base = ENVIRONMENT_SPECS.map((e) => environmentCostOf(e.name, e.stage, { shop: { checkout: [100, 327], web: [50, 50] } }));
  const head = ENVIRONMENT_SPECS.map((e) =>
    environmentCostOf(e.name, e.stage, e.name === "prod-us-west-2" ? { shop: { checkout: [100, 654], web: [50, 50] } } : { shop: { checkout: [100, 327], web: [50, 50] } }),
  );
  // The change behind it: checkout's HPA maximum in prod-us-west-2 doubled.
  const diff = diffPlatform({
    base: [rendered("prod-us-west-2", hpa("checkout", 3, 30))],
    head: [rendered("prod-us-west-2", hpa("checkout", 3, 60))],
    environments: ENVIRONMENT_SPECS,
    cost: { base, head },
  });

  it("text: the dated heading, the environment's movement, then tenant and service deltas", () => {
    const text = formatText(diff, SUBJECT, PLAIN);
    expect(text.split("\n").slice(2, 11)).toEqual([
      "Risks (1):",
      "  ! prod-us-west-2: monthly cost at max replicas raised from $550.00 to $877.00 (+59.5 %, above 20 %); largest: shop/checkout +$327.00 [prod-cost-increase]",
      "",
      "Cost (USD per month at on-demand list prices of 2025-06-01; largest contributors first):",
      "  environment / tenant / service  at min replicas                 at max replicas",
      "  prod-us-west-2                  $323.00 → $323.00 ($0.00, 0 %)  $550.00 → $877.00 (+$327.00, +59.5 %)",
      "    shop                          $0.00                           +$327.00",
      "      checkout                    $0.00                           +$327.00",
      "",
    ]);
  });

  it("markdown: a table with dollar signs escaped (GitHub reads $…$ as math)", () => {
    const markdown = formatMarkdown(diff, SUBJECT);
    expect(markdown).toContain(
      [
        "**Cost (USD per month at on-demand list prices of 2025-06-01; largest contributors first)**",
        "",
        "| environment | tenant / service | at min replicas | at max replicas |",
        "| --- | --- | ---: | ---: |",
        "| prod-us-west-2 | **total** | \\$323.00 → \\$323.00 (\\$0.00, 0 %) | \\$550.00 → \\$877.00 (+\\$327.00, +59.5 %) |",
        "|  | shop | \\$0.00 | +\\$327.00 |",
        "|  | ↳ checkout | \\$0.00 | +\\$327.00 |",
      ].join("\n"),
    );
  });

  it("json: the delta to the cent", () => {
    const report = JSON.parse(formatJson(diff, SUBJECT));
    expect(report.cost).toEqual({
      currency: "USD",
      pricesAsOf: "2025-06-01",
      environments: [
        {
          name: "prod-us-west-2",
          before: { atMin: 323, atMax: 550 },
          after: { atMin: 323, atMax: 877 },
          delta: { atMin: 0, atMax: 327 },
          tenants: [
            {
              tenant: "shop",
              before: { atMin: 150, atMax: 377 },
              after: { atMin: 150, atMax: 704 },
              delta: { atMin: 0, atMax: 327 },
              services: [{ service: "checkout", before: { atMin: 100, atMax: 327 }, after: { atMin: 100, atMax: 654 }, delta: { atMin: 0, atMax: 327 } }],
            },
          ],
        },
      ],
    });
  });

  it("one line when nothing costs more or less; none at all without costs", () => {
    const same = diffPlatform({ base: [], head: [], environments: ENVIRONMENT_SPECS, cost: { base, head: base } });
    expect(formatText(same, SUBJECT, PLAIN)).toContain("\nCost: no change (USD per month at on-demand list prices of 2025-06-01)\n");
    expect(formatText(diffPlatform({ base: [], head: [], environments: ENVIRONMENT_SPECS }), SUBJECT, PLAIN)).not.toContain("Cost");
  });
});
