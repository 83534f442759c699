import { describe, expect, it } from "vitest";
import { buildServiceTelemetry, buildTenantTelemetry, serviceLabels, tenantLabels, validationMessages } from "../src/index.ts";
import { checkoutSpec, fixtureEnvironments, fixturePlatform, modelOf, sourcedService, webSpec, cacheSpec } from "./fixtures.ts";

describe("buildTenantTelemetry", () => {
  it("samples 10 % of the tenant's requests for tracing by default (the source document's number)", () => {
    const model = modelOf("prod-us-west-2");
    const shop = model.tenants.find((t) => t.name === "shop")!;
    const telemetry = buildTenantTelemetry(shop, model.environment);
    expect(telemetry.toJSON()).toEqual({
      apiVersion: "telemetry.istio.io/v1alpha1",
      kind: "Telemetry",
      metadata: { name: "tracing", namespace: "shop", labels: tenantLabels(shop) },
      spec: { tracing: [{ randomSamplingPercentage: 10 }] },
    });
    expect(validationMessages(telemetry)).toEqual([]);
  });
});

describe("buildServiceTelemetry", () => {
  const definition = (critical: boolean | undefined) =>
    fixturePlatform({ services: [sourcedService(checkoutSpec(critical === undefined ? {} : { critical })), sourcedService(webSpec()), sourcedService(cacheSpec())] });

  it("samples 100 % of a critical service's requests (the source document's number), on its pods", () => {
    const model = modelOf("prod-us-west-2", definition(true));
    const checkout = model.services.find((s) => s.name === "checkout")!;
    const telemetry = buildServiceTelemetry(checkout, model.environment)!;
    expect(telemetry.toJSON()).toEqual({
      apiVersion: "telemetry.istio.io/v1alpha1",
      kind: "Telemetry",
      metadata: { name: "checkout-tracing", namespace: "shop", labels: serviceLabels(checkout) },
      spec: { selector: { matchLabels: { "app.kubernetes.io/name": "checkout" } }, tracing: [{ randomSamplingPercentage: 100 }] },
    });
    expect(validationMessages(telemetry)).toEqual([]);
  });

  it("is undefined for a service that is not critical (the tenant's rate applies)", () => {
    for (const critical of [undefined, false]) {
      const model = modelOf("prod-us-west-2", definition(critical));
      expect(buildServiceTelemetry(model.services.find((s) => s.name === "checkout")!, model.environment)).toBeUndefined();
    }
  });

  it("takes both rates from the environment when it overrides them", () => {
    const environments = fixtureEnvironments().map((e) =>
      e.spec.name === "staging" ? { ...e, spec: { ...e.spec, mesh: { tracing: { criticalPercent: 50, defaultPercent: 1 } } } } : e,
    );
    const model = modelOf("staging", { ...definition(true), environments });
    const checkout = model.services.find((s) => s.name === "checkout")!;
    expect(buildServiceTelemetry(checkout, model.environment)!.spec!.tracing).toEqual([{ randomSamplingPercentage: 50 }]);
    expect(buildTenantTelemetry(model.tenants[0]!, model.environment).spec!.tracing).toEqual([{ randomSamplingPercentage: 1 }]);
    const prod = modelOf("prod-us-west-2", { ...definition(true), environments });
    expect(buildTenantTelemetry(prod.tenants[0]!, prod.environment).spec!.tracing).toEqual([{ randomSamplingPercentage: 10 }]);
  });
});
