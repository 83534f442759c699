import type { RoutingSpec } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import { buildIngressVirtualService, buildVirtualService, DEFAULT_ROUTE, defaultRouteNames, hasHttpPorts, serviceLabels, validationMessages } from "../src/index.ts";
import { cacheSpec, checkoutSpec, cloudLabSpec, fixtureEnvironments, fixturePlatform, modelOf, resolved, sourcedService, webSpec } from "./fixtures.ts";

const CLOUD_LAB_HOST = "cloud-lab-service.cloud-lab.svc.cluster.local";
const HTTP_RETRIES = { attempts: 3, perTryTimeout: "2s", retryOn: "connect-failure,refused-stream,reset,gateway-error" };
const POLICY = { retries: HTTP_RETRIES, timeout: "10s" };
const to = (subset: string, host = CLOUD_LAB_HOST) => ({ destination: { host, subset } });
const routed = (routing: RoutingSpec) => resolved(cloudLabSpec({ routing }));

describe("buildVirtualService", () => {
  it("renders the source document's cloud-lab-service: v1 90 / v2 10, retries 3 × 2s, timeout 10s", () => {
    const service = resolved(cloudLabSpec());
    const virtualService = buildVirtualService(service)!;
    expect(virtualService.toJSON()).toEqual({
      apiVersion: "networking.istio.io/v1beta1",
      kind: "VirtualService",
      metadata: { name: "cloud-lab-service", namespace: "cloud-lab", labels: serviceLabels(service) },
      spec: {
        hosts: [CLOUD_LAB_HOST],
        http: [{ name: "default", route: [{ ...to("v1"), weight: 90 }, { ...to("v2"), weight: 10 }], ...POLICY }],
      },
    });
    expect(DEFAULT_ROUTE).toBe("default");
    expect(validationMessages(virtualService)).toEqual([]);
  });

  it("routes a single version without weights, with the platform's default retries and timeout", () => {
    const http = buildVirtualService(resolved(webSpec()))!.spec!.http;
    expect(http).toEqual([{ name: "default", route: [to("v1", "web.storefront.svc.cluster.local")], ...POLICY }]);
  });

  it("retries gRPC's own conditions for a gRPC service", () => {
    expect(buildVirtualService(resolved(checkoutSpec()))!.spec!.http![0]!.retries).toEqual({
      attempts: 3,
      perTryTimeout: "2s",
      retryOn: "connect-failure,refused-stream,reset,unavailable,cancelled",
    });
  });

  it("takes the spec's timeout and retries", () => {
    const http = buildVirtualService(resolved(webSpec({ traffic: { timeout: "30s", retries: { attempts: 1, perTryTimeout: "500ms", retryOn: "5xx" } } })))!.spec!.http!;
    expect(http[0]).toMatchObject({ retries: { attempts: 1, perTryTimeout: "500ms", retryOn: "5xx" }, timeout: "30s" });
  });

  it("gives a service without retries (attempts 0) nothing else of a retry policy, which istiod would refuse (found by the spec fuzzer)", () => {
    const http = buildVirtualService(resolved(webSpec({ traffic: { retries: { attempts: 0, perTryTimeout: "500ms", retryOn: "5xx" } } })))!.spec!.http!;
    expect(http.map((route) => route.retries)).toEqual(http.map(() => ({ attempts: 0 })));
  });

  it("puts A/B header and cookie rules, in order, before the weighted default", () => {
    const http = buildVirtualService(
      routed({
        matches: [
          { name: "beta", headers: { "x-beta": { exact: "true" } }, version: "v2" },
          { name: "testers", cookie: { name: "group", value: "testers" }, version: "v2" },
          { name: "ios", headers: { "user-agent": { prefix: "iOS" } }, version: "v1" },
        ],
      }),
    )!.spec!.http;
    expect(http).toEqual([
      { name: "beta", match: [{ headers: { "x-beta": { exact: "true" } } }], route: [to("v2")], ...POLICY },
      { name: "testers", match: [{ headers: { cookie: { regex: "^(.*?;\\s*)?(group=testers)(;.*)?$" } } }], route: [to("v2")], ...POLICY },
      { name: "ios", match: [{ headers: { "user-agent": { prefix: "iOS" } } }], route: [to("v1")], ...POLICY },
      { name: "default", route: [{ ...to("v1"), weight: 90 }, { ...to("v2"), weight: 10 }], ...POLICY },
    ]);
  });

  it("sends everything to the live side of a blue-green pair and keeps the idle side at 0", () => {
    const versions = [{ name: "blue" }, { name: "green" }];
    const route = (live: string) =>
      buildVirtualService(resolved(cloudLabSpec({ versions, routing: { strategy: "blue-green", live } })))!.spec!.http!.find((r) => r.name === "default")!.route;
    expect(route("blue")).toEqual([{ ...to("blue"), weight: 100 }, { ...to("green"), weight: 0 }]);
    // Switching is a one-field change, and only the weights move.
    expect(route("green")).toEqual([{ ...to("blue"), weight: 0 }, { ...to("green"), weight: 100 }]);
  });

  it("injects faults and mirrors on the default route only", () => {
    const http = buildVirtualService(
      routed({
        matches: [{ name: "beta", headers: { "x-beta": { exact: "true" } }, version: "v2" }],
        fault: { delay: { percent: 10, fixedDelay: "5s" }, abort: { percent: 1, httpStatus: 503 } },
        mirror: { version: "v2", percent: 20 },
      }),
    )!.spec!.http!;
    expect(http[0]).not.toHaveProperty("fault");
    expect(http[0]).not.toHaveProperty("mirror");
    expect(http[1]).toEqual({
      name: "default",
      route: [{ ...to("v1"), weight: 90 }, { ...to("v2"), weight: 10 }],
      ...POLICY,
      fault: { delay: { fixedDelay: "5s", percentage: { value: 10 } }, abort: { httpStatus: 503, percentage: { value: 1 } } },
      mirror: { host: CLOUD_LAB_HOST, subset: "v2" },
      mirrorPercentage: { value: 20 },
    });
  });

  it("injects only the fault the spec asks for", () => {
    const http = buildVirtualService(routed({ fault: { abort: { percent: 50, httpStatus: 500 } } }))!.spec!.http!;
    expect(http[0]!.fault).toEqual({ abort: { httpStatus: 500, percentage: { value: 50 } } });
  });

  it("gives each HTTP port of a multi-port service its own routes, matched on the port and naming it (istioctl IST0112), mirror included", () => {
    const service = resolved(
      cloudLabSpec({
        ports: [
          { name: "http", port: 8080, protocol: "http" },
          { name: "admin", port: 9090, protocol: "http" },
          { name: "raw", port: 7000, protocol: "tcp" },
        ],
        routing: { matches: [{ name: "beta", headers: { "x-beta": { exact: "true" } }, version: "v2" }], mirror: { version: "v2", percent: 20 } },
      }),
    );
    const onPort = (subset: string, number: number) => ({ destination: { host: CLOUD_LAB_HOST, subset, port: { number } } });
    const http = buildVirtualService(service)!.spec!.http!;
    expect(http.map((route) => route.name)).toEqual(["beta-http", "default-http", "beta-admin", "default-admin"]);
    expect(http[0]).toEqual({ name: "beta-http", match: [{ headers: { "x-beta": { exact: "true" } }, port: 8080 }], route: [onPort("v2", 8080)], ...POLICY });
    expect(http[3]).toEqual({
      name: "default-admin",
      match: [{ port: 9090 }],
      route: [
        { ...onPort("v1", 9090), weight: 90 },
        { ...onPort("v2", 9090), weight: 10 },
      ],
      ...POLICY,
      mirror: { host: CLOUD_LAB_HOST, subset: "v2", port: { number: 9090 } },
      mirrorPercentage: { value: 20 },
    });
    expect(defaultRouteNames(service)).toEqual(["default-http", "default-admin"]);
    expect(defaultRouteNames(resolved(cloudLabSpec()))).toEqual(["default"]);
    expect(validationMessages(buildVirtualService(service)!)).toEqual([]);
  });

  it("is undefined for a TCP-only service (nothing to route by HTTP)", () => {
    const cache = resolved(cacheSpec());
    expect(hasHttpPorts(cache)).toBe(false);
    expect(buildVirtualService(cache)).toBeUndefined();
    expect(hasHttpPorts(resolved(checkoutSpec()))).toBe(true);
  });
});

describe("buildIngressVirtualService", () => {
  const edge = webSpec({ ingress: { hosts: ["shop.example.com"], pathPrefix: "/shop" } });
  const modelIn = (mode: "istio" | "gateway-api") => {
    const environments = fixtureEnvironments().map((e) =>
      e.spec.name === "prod-us-west-2" ? { ...e, spec: { ...e.spec, mesh: { ingress: { mode } } } } : e,
    );
    return modelOf("prod-us-west-2", fixturePlatform({ services: [sourcedService(checkoutSpec()), sourcedService(edge), sourcedService(cacheSpec())], environments }));
  };

  it("binds an edge service's routes to the Istio ingress Gateway in istio mode, under the path prefix, on the Service port", () => {
    const model = modelIn("istio");
    const web = model.services.find((s) => s.name === "web")!;
    const virtualService = buildIngressVirtualService(web, model.environment)!;
    expect(virtualService.toJSON()).toEqual({
      apiVersion: "networking.istio.io/v1beta1",
      kind: "VirtualService",
      metadata: { name: "web-ingress", namespace: "storefront", labels: serviceLabels(web) },
      spec: {
        hosts: ["shop.example.com"],
        gateways: ["istio-ingress/platform-gateway"],
        http: [
          {
            name: "default",
            match: [{ uri: { prefix: "/shop" } }],
            route: [{ destination: { host: "web.storefront.svc.cluster.local", subset: "v1", port: { number: 80 } } }],
            ...POLICY,
          },
        ],
      },
    });
    expect(validationMessages(virtualService)).toEqual([]);
  });

  it("keeps A/B conditions next to the path prefix", () => {
    const model = modelIn("istio");
    const web = model.services.find((s) => s.name === "web")!;
    const withRule = { ...web, routing: { ...web.routing, matches: [{ name: "beta", headers: { "x-beta": { exact: "1" } }, version: "v1" }] } };
    expect(buildIngressVirtualService(withRule, model.environment)!.spec!.http!.map((r) => [r.name, r.match])).toEqual([
      ["beta", [{ headers: { "x-beta": { exact: "1" } }, uri: { prefix: "/shop" } }]],
      ["default", [{ uri: { prefix: "/shop" } }]],
    ]);
  });

  it("is undefined in gateway-api mode and for a service that is not exposed", () => {
    const model = modelIn("gateway-api");
    expect(buildIngressVirtualService(model.services.find((s) => s.name === "web")!, model.environment)).toBeUndefined();
    const istio = modelIn("istio");
    expect(buildIngressVirtualService(istio.services.find((s) => s.name === "checkout")!, istio.environment)).toBeUndefined();
  });
});
