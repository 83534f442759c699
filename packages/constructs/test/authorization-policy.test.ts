import type { EnvironmentSpec, PlatformDefinition } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import {
  buildDenyAllAuthorizationPolicy,
  buildServiceAuthorizationPolicy,
  ingressGatewayPrincipal,
  serviceLabels,
  servicePrincipal,
  tenantLabels,
  validationMessages,
} from "../src/index.ts";
import { cacheSpec, checkoutSpec, fixtureEnvironments, fixturePlatform, modelOf, sourcedService, webSpec } from "./fixtures.ts";

const byName = (_tenant: string, name: string) => name;

/** The ALLOW policy of one service of a platform in an environment. */
function policyOf(name: string, definition: PlatformDefinition = fixturePlatform(), environment = "prod-us-west-2") {
  const model = modelOf(environment, definition);
  const service = model.services.find((s) => s.name === name)!;
  const accounts = new Map(model.services.map((s) => [`${s.tenant}/${s.name}`, s.serviceAccountName]));
  return { service, policy: buildServiceAuthorizationPolicy(service, model.environment, (t, n) => accounts.get(`${t}/${n}`) ?? n) };
}

function platform(services: PlatformDefinition["services"], prod: Partial<EnvironmentSpec> = {}): PlatformDefinition {
  const environments = fixtureEnvironments().map((e) => (e.spec.name === "prod-us-west-2" ? { ...e, spec: { ...e.spec, ...prod } } : e));
  return fixturePlatform({ services, environments });
}

describe("buildDenyAllAuthorizationPolicy", () => {
  it("is an ALLOW policy without rules for the whole namespace: it matches nothing, so everything else is denied", () => {
    const shop = modelOf("prod-us-west-2").tenants.find((t) => t.name === "shop")!;
    const policy = buildDenyAllAuthorizationPolicy(shop);
    expect(policy.toJSON()).toEqual({
      apiVersion: "security.istio.io/v1beta1",
      kind: "AuthorizationPolicy",
      metadata: { name: "deny-all", namespace: "shop", labels: tenantLabels(shop) },
      spec: {},
    });
    expect(validationMessages(policy)).toEqual([]);
  });
});

describe("buildServiceAuthorizationPolicy", () => {
  // The fixture: storefront/web → shop/checkout → shop/cache.
  it("allows exactly the declared callers' principals, on the service's pods", () => {
    const { service, policy } = policyOf("checkout");
    expect(policy!.toJSON()).toEqual({
      apiVersion: "security.istio.io/v1beta1",
      kind: "AuthorizationPolicy",
      metadata: { name: "checkout", namespace: "shop", labels: serviceLabels(service) },
      spec: {
        selector: { matchLabels: { "app.kubernetes.io/name": "checkout" } },
        action: "ALLOW",
        rules: [{ from: [{ source: { principals: ["cluster.local/ns/storefront/sa/web"] } }] }],
      },
    });
    expect(validationMessages(policy!)).toEqual([]);
    expect(policyOf("cache").policy!.spec!.rules).toEqual([{ from: [{ source: { principals: ["cluster.local/ns/shop/sa/checkout"] } }] }]);
  });

  it("is undefined for a service nobody may call (the namespace's deny-all applies)", () => {
    expect(policyOf("web").policy).toBeUndefined();
  });

  it("names callers by their ServiceAccount, sorted", () => {
    const definition = platform([
      sourcedService(checkoutSpec({ serviceAccountName: "checkout-sa" })),
      sourcedService(webSpec({ calls: ["shop/checkout", "shop/cache"] })),
      sourcedService(cacheSpec({ exposedTo: ["storefront/web"] })),
    ]);
    expect(policyOf("cache", definition).policy!.spec!.rules).toEqual([
      { from: [{ source: { principals: ["cluster.local/ns/shop/sa/checkout-sa", "cluster.local/ns/storefront/sa/web"] } }] },
    ]);
    const checkout = policyOf("checkout", definition).service;
    expect(servicePrincipal(checkout)).toBe("cluster.local/ns/shop/sa/checkout-sa");
  });

  it("restricts callers to the paths, methods and ports of each accepts rule, one rule each", () => {
    const definition = platform([
      sourcedService(
        checkoutSpec({
          accepts: [
            { from: ["storefront/web"], paths: ["/hipstershop.CheckoutService/PlaceOrder"], methods: ["POST"] },
            { ports: [9090] },
          ],
        }),
      ),
      sourcedService(webSpec()),
      sourcedService(cacheSpec()),
    ]);
    expect(policyOf("checkout", definition).policy!.spec!.rules).toEqual([
      {
        from: [{ source: { principals: ["cluster.local/ns/storefront/sa/web"] } }],
        to: [{ operation: { paths: ["/hipstershop.CheckoutService/PlaceOrder"], methods: ["POST"] } }],
      },
      { from: [{ source: { principals: ["cluster.local/ns/storefront/sa/web"] } }], to: [{ operation: { ports: ["9090"] } }] },
    ]);
  });

  it("adds the Gateway API ingress gateway's principal for an edge service, on the port it routes to", () => {
    const definition = platform([sourcedService(checkoutSpec()), sourcedService(webSpec({ ingress: { hosts: ["shop.example.com"] } })), sourcedService(cacheSpec())]);
    const { policy } = policyOf("web", definition);
    expect(policy!.spec!.rules).toEqual([
      { from: [{ source: { principals: ["cluster.local/ns/istio-ingress/sa/platform-gateway-istio"] } }], to: [{ operation: { ports: ["8080"] } }] },
    ]);
    expect(ingressGatewayPrincipal(modelOf("prod-us-west-2", definition).environment)).toBe("cluster.local/ns/istio-ingress/sa/platform-gateway-istio");
  });

  it("adds the Istio ingress gateway's principal in istio mode, in the environment's gateway namespace", () => {
    const definition = platform([sourcedService(checkoutSpec()), sourcedService(webSpec({ ingress: { hosts: ["shop.example.com"] } })), sourcedService(cacheSpec())], {
      mesh: { ingress: { mode: "istio", namespace: "edge" } },
    });
    expect(policyOf("web", definition).policy!.spec!.rules).toEqual([
      { from: [{ source: { principals: ["cluster.local/ns/edge/sa/istio-ingressgateway"] } }], to: [{ operation: { ports: ["8080"] } }] },
    ]);
  });

  it("puts the gateway after the callers of an edge service that is also called", () => {
    const definition = platform([sourcedService(checkoutSpec({ ingress: { hosts: ["api.example.com"] } })), sourcedService(webSpec()), sourcedService(cacheSpec())]);
    expect(policyOf("checkout", definition).policy!.spec!.rules!.map((r) => r.from![0]!.source!.principals)).toEqual([
      ["cluster.local/ns/storefront/sa/web"],
      ["cluster.local/ns/istio-ingress/sa/platform-gateway-istio"],
    ]);
  });

  it("allows only the callers running in the environment", () => {
    const environments = fixtureEnvironments().map((e) => (e.spec.name === "staging" ? { ...e, spec: { ...e.spec, overrides: { web: { disabled: true } } } } : e));
    const definition = fixturePlatform({ environments });
    expect(policyOf("checkout", definition, "staging").policy).toBeUndefined();
    expect(policyOf("checkout", definition, "dev").policy).toBeDefined();
  });

  it("takes principals from the ServiceAccount lookup it is given", () => {
    const model = modelOf("prod-us-west-2");
    const cache = model.services.find((s) => s.name === "cache")!;
    const policy = buildServiceAuthorizationPolicy(cache, model.environment, (tenant, name) => `${tenant}-${name}-sa`);
    expect(policy!.spec!.rules![0]!.from![0]!.source!.principals).toEqual(["cluster.local/ns/shop/sa/shop-checkout-sa"]);
    expect(buildServiceAuthorizationPolicy(cache, model.environment, byName)!.spec!.rules![0]!.from![0]!.source!.principals).toEqual([
      "cluster.local/ns/shop/sa/checkout",
    ]);
  });
});
