import { describe, expect, it } from "vitest";
import { formatSpecError, resolvePlatform, type EgressSpec, type PlatformDefinition, type ResolvedService } from "../src/index.ts";
import { cartSpec, checkoutSpec, fixtureEnvironments, fixturePlatform, ledgerSpec, sourcedService } from "./fixtures.ts";

const api = "api.payments.example";

function platform(egress: readonly EgressSpec[], overrides: Parameters<typeof fixtureEnvironments>[0] = {}): PlatformDefinition {
  const services = [sourcedService(checkoutSpec({ egress })), sourcedService(cartSpec()), sourcedService(ledgerSpec())];
  return fixturePlatform({ services, environments: fixtureEnvironments(overrides) });
}

function errorsOf(definition: PlatformDefinition): string[] {
  return resolvePlatform(definition).errors.map(formatSpecError);
}

/** The resolved checkout of each environment, dev → staging → prod primary → prod DR. */
function checkouts(definition: PlatformDefinition): ResolvedService[] {
  const { models, errors } = resolvePlatform(definition);
  expect(errors.map(formatSpecError)).toEqual([]);
  return models.map((m) => m.services.find((s) => s.name === "checkout")!);
}

describe("egress: resolution", () => {
  it("fills in port 443 and protocol tls, and keeps the declared order", () => {
    const [dev] = checkouts(platform([{ host: api }, { host: "smtp.mail.example", port: 587, protocol: "tcp" }]));
    expect(dev!.egress).toEqual([
      { host: api, port: 443, protocol: "tls" },
      { host: "smtp.mail.example", port: 587, protocol: "tcp" },
    ]);
  });

  it("is empty for a service that declares none", () => {
    expect(checkouts(fixturePlatform()).map((c) => c.egress)).toEqual([[], [], [], []]);
  });

  it("is replaced by an environment's override (a sandbox host outside prod)", () => {
    const definition = platform([{ host: api }], { "dev-us-west-2": { overrides: { checkout: { egress: [{ host: "sandbox.payments.example" }] } } } });
    expect(checkouts(definition).map((c) => c.egress.map((e) => e.host))).toEqual([["sandbox.payments.example"], [api], [api], [api]]);
  });

  it("can be emptied by an override", () => {
    const definition = platform([{ host: api }], { "staging-us-west-2": { overrides: { checkout: { egress: [] } } } });
    expect(checkouts(definition).map((c) => c.egress.length)).toEqual([1, 0, 1, 1]);
  });
});

describe("egress: errors name the file, the service, the environment and the field", () => {
  const NOUN = " is not an external host name (a fully qualified domain name: two or more lowercase DNS labels separated by dots, the last starting with a letter; no wildcard, no IP address)";
  it.each<[string, EgressSpec, string]>([
    ["a wildcard host", { host: "*.payments.example" }, `egress[0].host: "*.payments.example"${NOUN}`],
    ["an IP address", { host: "203.0.113.10" }, `egress[0].host: "203.0.113.10"${NOUN}`],
    ["a single label", { host: "payments" }, `egress[0].host: "payments"${NOUN}`],
    ["port 0", { host: api, port: 0 }, "egress[0].port: must be >= 1, got 0"],
    ["port 65536", { host: api, port: 65536 }, "egress[0].port: must be <= 65535, got 65536"],
    ["an unknown protocol", { host: api, protocol: "udp" as never }, 'egress[0].protocol: "udp" is not one of: tls, https, http, http2, grpc, tcp'],
    ["an unknown field", { host: api, hots: "x" } as never, "egress[0].hots: unknown field"],
  ])("%s in the service's file", (_, entry, message) => {
    expect(errorsOf(platform([entry]))).toEqual([`apps/platform/services/shop/checkout.ts: checkout: ${message}`]);
  });

  it("a duplicate in the service's file, once for every environment", () => {
    expect(errorsOf(platform([{ host: api }, { host: api, protocol: "https" }]))).toEqual([
      "apps/platform/services/shop/checkout.ts: checkout: egress[1]: api.payments.example:443 is already declared by egress[0]",
    ]);
  });

  it("a mistake in an override against the environment's file", () => {
    const definition = platform([{ host: api }], {
      "prod-us-east-1": { overrides: { checkout: { egress: [{ host: "cart.shop.svc.cluster.local", port: 8080, protocol: "http" }] } } },
      "staging-us-west-2": { overrides: { checkout: { egress: [{ host: "*.payments.example" }] } } },
    });
    expect(errorsOf(definition)).toEqual([
      'apps/platform/environments/prod-us-east-1.ts: checkout (prod-us-east-1): egress[0].host: "cart.shop.svc.cluster.local" is a cluster-internal name (*.local); declare a service of the mesh in calls',
      `apps/platform/environments/staging-us-west-2.ts: checkout (staging-us-west-2): egress[0].host: "*.payments.example"${NOUN}`,
    ]);
  });
});
