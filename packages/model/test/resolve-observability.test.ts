import { describe, expect, it } from "vitest";
import { formatSpecError, resolvePlatform, type EnvironmentModel, type PlatformDefinition } from "../src/index.ts";
import { checkoutSpec, fixtureEnvironments, fixturePlatform, sourcedService, cartSpec, ledgerSpec } from "./fixtures.ts";

function models(definition: PlatformDefinition = fixturePlatform()): readonly EnvironmentModel[] {
  const resolution = resolvePlatform(definition);
  expect(resolution.errors.map(formatSpecError)).toEqual([]);
  return resolution.models;
}

describe("an environment's observability", () => {
  it("defaults by stage: operator scraping, logs 90 days in prod and 30 elsewhere, traces 7 days, no load test", () => {
    expect(models().map((m) => [m.environment.name, m.environment.observability])).toEqual(
      [
        ["dev-us-west-2", 30],
        ["staging-us-west-2", 30],
        ["prod-us-west-2", 90],
        ["prod-us-east-1", 90],
      ].map(([name, logs]) => [
        name,
        {
          scraping: "operator",
          logRetentionDays: logs,
          traceRetentionDays: 7,
          alerting: { receiversSecretName: "alert-receivers", repeatIntervalMinutes: 15 },
          loadTest: undefined,
        },
      ]),
    );
  });

  it("takes each setting from the environment", () => {
    const environments = fixtureEnvironments({
      "staging-us-west-2": {
        observability: {
          scraping: "annotations",
          logRetentionDays: 14,
          traceRetentionDays: 3,
          alerting: { receiversSecretName: "staging-receivers", repeatIntervalMinutes: 60 },
          loadTest: { enabled: true, concurrency: 50 },
        },
      },
      "prod-us-west-2": { observability: { loadTest: { enabled: false } } },
    });
    const [, staging, prod] = models(fixturePlatform({ environments }));
    expect(staging!.environment.observability).toEqual({
      scraping: "annotations",
      logRetentionDays: 14,
      traceRetentionDays: 3,
      alerting: { receiversSecretName: "staging-receivers", repeatIntervalMinutes: 60 },
      loadTest: { concurrency: 50, durationMinutes: 5, image: "williamyeh/hey:latest" },
    });
    expect(prod!.environment.observability.loadTest).toBeUndefined();
  });

  it("refuses what the schema does not allow", () => {
    const environments = fixtureEnvironments({
      "dev-us-west-2": { observability: { scraping: "pull" as never, logRetentionDays: 0, loadTest: {} as never } },
    });
    const errors = resolvePlatform(fixturePlatform({ environments })).errors.map((e) => `${e.path}: ${e.message}`);
    expect(errors).toHaveLength(3);
    expect(errors.some((e) => e.startsWith("observability.scraping"))).toBe(true);
    expect(errors.some((e) => e.startsWith("observability.logRetentionDays"))).toBe(true);
    expect(errors.some((e) => e.startsWith("observability.loadTest"))).toBe(true);
  });
});

describe("a service's observability", () => {
  it("defaults to p95 under 100 ms for 10 minutes, 99.9 % available, 5 % errors, no metrics endpoint", () => {
    const checkout = models()[2]!.services.find((s) => s.name === "checkout")!;
    expect(checkout.observability).toEqual({
      slo: { latencyP95Milliseconds: 100, latencyForMinutes: 10, availabilityPercent: 99.9, errorRatioPercent: 5 },
      metrics: undefined,
      scraping: "operator",
    });
  });

  it("takes the service's objectives and resolves its metrics port; the scraping mode is the environment's", () => {
    const spec = checkoutSpec({
      observability: { slo: { latencyP95Milliseconds: 250, availabilityPercent: 99.95, errorRatioPercent: 0.5 }, metrics: { port: "http" } },
    });
    const environments = fixtureEnvironments({ "dev-us-west-2": { observability: { scraping: "annotations" } } });
    const [dev, staging] = models(fixturePlatform({ services: [sourcedService(spec), sourcedService(cartSpec()), sourcedService(ledgerSpec())], environments }));
    const checkout = dev!.services.find((s) => s.name === "checkout")!;
    expect(checkout.observability).toEqual({
      slo: { latencyP95Milliseconds: 250, latencyForMinutes: 10, availabilityPercent: 99.95, errorRatioPercent: 0.5 },
      metrics: { port: { name: "http", port: 80, targetPort: 8080, protocol: "http" }, path: "/metrics" },
      scraping: "annotations",
    });
    expect(staging!.services.find((s) => s.name === "checkout")!.observability.scraping).toBe("operator");
  });

  it("refuses an availability of 100 % (no error budget) and a metrics port that is not the service's", () => {
    const spec = checkoutSpec({ observability: { slo: { availabilityPercent: 100 }, metrics: { port: "admin" } } });
    const errors = resolvePlatform(fixturePlatform({ services: [sourcedService(spec), sourcedService(cartSpec()), sourcedService(ledgerSpec())] })).errors;
    expect(errors.map((e) => e.path)).toEqual(["observability.slo.availabilityPercent"]);
    const unknownPort = checkoutSpec({ observability: { metrics: { port: "admin" } } });
    const portErrors = resolvePlatform(fixturePlatform({ services: [sourcedService(unknownPort), sourcedService(cartSpec()), sourcedService(ledgerSpec())] })).errors;
    expect(portErrors.map((e) => `${e.path}: ${e.message}`)).toEqual(['observability.metrics.port: "admin" is not a port of this service (declared: http, grpc)']);
  });
});
