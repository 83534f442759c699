import { describe, expect, it } from "vitest";
import { formatSpecError, resolvePlatform, type PlatformDefinition } from "../src/index.ts";
import { cartSpec, checkoutSpec, fixtureEnvironments, fixturePlatform, ledgerSpec, sourcedService, sourcedTenant } from "./fixtures.ts";

function errorsOf(definition: PlatformDefinition): string[] {
  return resolvePlatform(definition).errors.map(formatSpecError);
}

describe("declared secrets", () => {
  it("resolves a service's and a tenant's secrets, sorted by name, refresh defaulting to 1h, in every environment", () => {
    const checkout = { ...checkoutSpec(), secrets: [{ name: "z-api", from: "checkout/z", keys: ["token"], refresh: "15m" }, ...checkoutSpec().secrets!] };
    const { models, errors } = resolvePlatform(
      fixturePlatform({
        tenants: [sourcedTenant("shop", "shop-team", { secrets: [{ name: "shop-smtp", from: "smtp", keys: ["password"] }] }), sourcedTenant("payments")],
        services: [sourcedService(checkout), sourcedService(cartSpec()), sourcedService(ledgerSpec())],
      }),
    );
    expect(errors).toEqual([]);
    for (const model of models) {
      expect(model.services.find((s) => s.name === "checkout")!.secrets).toEqual([
        { name: "checkout-db", from: "checkout/db", keys: ["password"], refresh: "1h" },
        { name: "z-api", from: "checkout/z", keys: ["token"], refresh: "15m" },
      ]);
      expect(model.tenants.find((t) => t.name === "shop")!.secrets).toEqual([{ name: "shop-smtp", from: "smtp", keys: ["password"], refresh: "1h" }]);
      expect(model.environment.secrets.pathPrefix).toBe(model.environment.stage);
    }
    expect(models.map((m) => m.environment.certificates.issuer)).toEqual(["letsencrypt-staging", "letsencrypt-staging", "letsencrypt", "letsencrypt"]);
  });

  it("overrides the remote path in one environment (the list replaces the service's)", () => {
    const environments = fixtureEnvironments({
      "prod-us-east-1": { overrides: { checkout: { secrets: [{ name: "checkout-db", from: "checkout/db-east", keys: ["password"] }] } } },
    });
    const { models } = resolvePlatform(fixturePlatform({ environments }));
    expect(models.map((m) => m.services.find((s) => s.name === "checkout")!.secrets[0]!.from)).toEqual(["checkout/db", "checkout/db", "checkout/db", "checkout/db-east"]);
  });

  it("refuses a reference to a secret whose declaration was deleted, naming file, service and field", () => {
    const { secrets: _deleted, ...checkout } = checkoutSpec();
    expect(errorsOf(fixturePlatform({ services: [sourcedService(checkout), sourcedService(cartSpec()), sourcedService(ledgerSpec())] }))).toEqual([
      'apps/platform/services/shop/checkout.ts: checkout: env[1].secretKeyRef.name: "checkout-db" is not a declared secret of the service or tenant shop (declared: none); add it to `secrets`',
    ]);
  });

  it("attributes an override that drops a referenced secret to the environment's file", () => {
    const environments = fixtureEnvironments({ "staging-us-west-2": { overrides: { checkout: { secrets: [] } } } });
    expect(errorsOf(fixturePlatform({ environments }))).toEqual([
      'apps/platform/environments/staging-us-west-2.ts: checkout (staging-us-west-2): env[1].secretKeyRef.name: "checkout-db" is not a declared secret of the service or tenant shop (declared: none); add it to `secrets`',
    ]);
  });

  it("refuses a path that climbs out of the tenant's prefix", () => {
    const checkout = { ...checkoutSpec(), secrets: [{ name: "checkout-db", from: "../payments/ledger", keys: ["password"] }] };
    expect(errorsOf(fixturePlatform({ services: [sourcedService(checkout), sourcedService(cartSpec()), sourcedService(ledgerSpec())] }))).toEqual([
      "apps/platform/services/shop/checkout.ts: checkout: secrets[0].from: \"../payments/ledger\" is not a secret path (lowercase segments of letters, digits, '-' and '.' separated by '/', without '..')",
    ]);
  });
});
