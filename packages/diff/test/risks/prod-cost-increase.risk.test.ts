import { describe, expect, it } from "vitest";
import { diffPlatform, type CostInput, type DiffOptions } from "../../src/index.ts";
import { prodCostIncrease } from "../../src/risks/prod-cost-increase.risk.ts";
import { environmentCostOf, type ServiceFigures } from "../cost-fixtures.ts";
import { ENVIRONMENT_SPECS, flagLines } from "../fixtures.ts";

/**
 * prod-cost-increase over hand-made costs. Every environment's base: shop/checkout $100 → $327 and shop/web $50 → $50
 * a month (min → max), so a total of $323 at min and $550 at max with the add-ons ($100) and the control plane ($73).
 * 20 % of $550 is $110: a total up to $660 at max is not flagged.
 */
const BASE: ServiceFigures = { shop: { checkout: [100, 327], web: [50, 50] } };

function costs(changes: Readonly<Record<string, ServiceFigures>>) {
  return ENVIRONMENT_SPECS.map((spec) => environmentCostOf(spec.name, spec.stage, changes[spec.name] ?? BASE));
}

function flags(cost: CostInput, options: DiffOptions = {}): string[] {
  return flagLines(diffPlatform({ base: [], head: [], environments: ENVIRONMENT_SPECS, cost }, { ...options, rules: [prodCostIncrease] }));
}

describe("prod-cost-increase", () => {
  const CASES: readonly (readonly [string, Readonly<Record<string, ServiceFigures>>, DiffOptions, readonly string[]])[] = [
    ["no change", {}, {}, []],
    ["prod at max up by exactly 20 % ($550 → $660): not more than the threshold", { "prod-us-west-2": { shop: { checkout: [100, 437], web: [50, 50] } } }, {}, []],
    [
      "prod at max up by 20.002 % ($550 → $660.01)",
      { "prod-us-west-2": { shop: { checkout: [100, 437.01], web: [50, 50] } } },
      {},
      ["prod-us-west-2: monthly cost at max replicas raised from $550.00 to $660.01 (+20 %, above 20 %); largest: shop/checkout +$110.01"],
    ],
    [
      "maxReplicas doubled in both prod clusters: each flagged, the largest contributor named",
      { "prod-us-west-2": { shop: { checkout: [100, 654], web: [50, 60] } }, "prod-us-east-1": { shop: { checkout: [100, 654], web: [50, 50] } } },
      {},
      [
        "prod-us-west-2: monthly cost at max replicas raised from $550.00 to $887.00 (+61.3 %, above 20 %); largest: shop/checkout +$327.00",
        "prod-us-east-1: monthly cost at max replicas raised from $550.00 to $877.00 (+59.5 %, above 20 %); largest: shop/checkout +$327.00",
      ],
    ],
    ["the same rise in staging and dev: not production", { staging: { shop: { checkout: [100, 654], web: [50, 50] } }, dev: { shop: { checkout: [100, 654], web: [50, 50] } } }, {}, []],
    ["prod at min tripled, at max unchanged", { "prod-us-west-2": { shop: { checkout: [327, 327], web: [50, 50] } } }, {}, []],
    ["prod at max lowered", { "prod-us-west-2": { shop: { checkout: [100, 100], web: [50, 50] } } }, {}, []],
    ["--max-cost-increase 70: a 61 % rise is not flagged", { "prod-us-west-2": { shop: { checkout: [100, 654], web: [50, 60] } } }, { maxCostIncrease: 70 }, []],
    [
      "--max-cost-increase 0: any rise at max is",
      { "prod-us-west-2": { shop: { checkout: [100, 327], web: [50, 51] } } },
      { maxCostIncrease: 0 },
      ["prod-us-west-2: monthly cost at max replicas raised from $550.00 to $551.00 (+0.2 %, above 0 %); largest: shop/web +$1.00"],
    ],
    [
      "a new tenant in prod is named when it is the largest",
      { "prod-us-west-2": { shop: { checkout: [100, 327], web: [50, 50] }, ads: { banner: [40, 400] } } },
      {},
      ["prod-us-west-2: monthly cost at max replicas raised from $550.00 to $950.00 (+72.7 %, above 20 %); largest: ads/banner +$400.00"],
    ],
  ];

  it.each(CASES.map((c) => [c[0], c] as const))("%s", (_name, [, changes, options, expected]) => {
    expect(flags({ base: costs({}), head: costs(changes) }, options)).toEqual(expected);
  });

  it("a prod environment the base did not have: not flagged (the whole environment is the change)", () => {
    const head = costs({});
    const base = head.filter((c) => c.environment !== "prod-us-east-1");
    expect(flags({ base, head })).toEqual([]);
  });

  it("no flag when the base's cost is unknown, or the diff has no costs", () => {
    expect(flags({ base: undefined, head: costs({ "prod-us-west-2": { shop: { checkout: [100, 654], web: [50, 50] } } }), unavailable: "no specs" })).toEqual([]);
    expect(flagLines(diffPlatform({ base: [], head: [], environments: ENVIRONMENT_SPECS }, { rules: [prodCostIncrease] }))).toEqual([]);
  });
});
