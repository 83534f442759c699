import { describe, expect, it } from "vitest";
import { formatSpecError, resolvePlatform, type PlatformDefinition } from "../src/index.ts";
import { cartSpec, checkoutSpec, fixtureEnvironments, fixturePlatform, ledgerSpec, sourcedService } from "./fixtures.ts";

/** The fixture platform with `cart` kept to us-west-2 (dev, staging and prod primary are there; the DR cluster is not). */
function residentPlatform(changes: Partial<PlatformDefinition> = {}): PlatformDefinition {
  return fixturePlatform({
    services: [sourcedService(checkoutSpec()), sourcedService(cartSpec({ allowedRegions: ["us-west-2"] })), sourcedService(ledgerSpec())],
    ...changes,
  });
}

/** The services of each environment, as the models list them (sorted by tenant, then name). */
function servicesIn(definition: PlatformDefinition): Record<string, string[]> {
  return Object.fromEntries(resolvePlatform(definition).models.map((m) => [m.environment.name, m.services.map((s) => s.name)]));
}

describe("data residency (resolvePlatform)", () => {
  it("refuses a service kept to us-west-2 in prod-us-east-1, naming the service file, the environment and the field", () => {
    const { models, errors } = resolvePlatform(residentPlatform());
    expect(models).toEqual([]);
    expect(errors).toEqual([
      {
        file: "apps/platform/services/shop/cart.ts",
        kind: "service",
        subject: "cart",
        environment: "prod-us-east-1",
        path: "allowedRegions",
        message: "the service may only run in us-west-2, but prod-us-east-1 is in us-east-1: disable it there with an override",
      },
    ]);
    expect(errors.map(formatSpecError)).toEqual([
      "apps/platform/services/shop/cart.ts: cart (prod-us-east-1): allowedRegions: the service may only run in us-west-2, but prod-us-east-1 is in us-east-1: disable it there with an override",
    ]);
  });

  it("passes when the DR environment disables the service with an override, which leaves it out of that cluster only", () => {
    const environments = fixtureEnvironments({ "prod-us-east-1": { overrides: { cart: { disabled: true } } } });
    const definition = residentPlatform({ environments });
    expect(resolvePlatform(definition).errors.map(formatSpecError)).toEqual([]);
    expect(servicesIn(definition)).toEqual({
      "dev-us-west-2": ["ledger", "cart", "checkout"],
      "staging-us-west-2": ["ledger", "cart", "checkout"],
      "prod-us-west-2": ["ledger", "cart", "checkout"],
      "prod-us-east-1": ["ledger", "checkout"],
    });
  });

  it("leaves only the service out of the DR cluster: its callers there keep their declared call", () => {
    const environments = fixtureEnvironments({ "prod-us-east-1": { overrides: { cart: { disabled: true } } } });
    const dr = resolvePlatform(residentPlatform({ environments })).models.find((m) => m.environment.name === "prod-us-east-1")!;
    expect(dr.services.some((s) => s.name === "cart")).toBe(false);
    expect(dr.services.find((s) => s.name === "checkout")!.calls).toEqual([
      { tenant: "shop", service: "cart" },
      { tenant: "payments", service: "ledger" },
    ]);
  });

  it("reports a service allowed in none of the platform's regions in each environment (each message names its own)", () => {
    const definition = fixturePlatform({
      services: [sourcedService(checkoutSpec()), sourcedService(cartSpec({ allowedRegions: ["eu-west-1"] })), sourcedService(ledgerSpec())],
    });
    expect(resolvePlatform(definition).errors.map(formatSpecError)).toEqual([
      "apps/platform/services/shop/cart.ts: cart (dev-us-west-2): allowedRegions: the service may only run in eu-west-1, but dev-us-west-2 is in us-west-2: disable it there with an override",
      "apps/platform/services/shop/cart.ts: cart (prod-us-east-1): allowedRegions: the service may only run in eu-west-1, but prod-us-east-1 is in us-east-1: disable it there with an override",
      "apps/platform/services/shop/cart.ts: cart (prod-us-west-2): allowedRegions: the service may only run in eu-west-1, but prod-us-west-2 is in us-west-2: disable it there with an override",
      "apps/platform/services/shop/cart.ts: cart (staging-us-west-2): allowedRegions: the service may only run in eu-west-1, but staging-us-west-2 is in us-west-2: disable it there with an override",
    ]);
  });

  it("refuses an empty list of regions in the schema (it would allow nowhere)", () => {
    const definition = fixturePlatform({
      services: [sourcedService(checkoutSpec()), sourcedService(cartSpec({ allowedRegions: [] })), sourcedService(ledgerSpec())],
    });
    expect(resolvePlatform(definition).errors.map(formatSpecError)).toEqual([
      "apps/platform/services/shop/cart.ts: cart: allowedRegions: must NOT have fewer than 1 items",
    ]);
  });
});
