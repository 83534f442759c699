import type { EnvironmentSpec } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import { buildDestinationRule, serviceLabels, validationMessages } from "../src/index.ts";
import { cacheSpec, checkoutSpec, cloudLabSpec, fixtureEnvironments, fixturePlatform, modelOf, resolved, webSpec } from "./fixtures.ts";

const POLICY = {
  tls: { mode: "ISTIO_MUTUAL" },
  connectionPool: { tcp: { maxConnections: 1024 }, http: { http1MaxPendingRequests: 1024, http2MaxRequests: 1024 } },
  outlierDetection: { consecutive5xxErrors: 5, interval: "10s", baseEjectionTime: "30s", maxEjectionPercent: 50 },
  loadBalancer: { simple: "LEAST_REQUEST", localityLbSetting: { enabled: true } },
};

describe("buildDestinationRule", () => {
  it("has the service's host, mutual TLS, the default circuit breaker and locality load balancing, and a subset v1", () => {
    const service = resolved(checkoutSpec());
    const rule = buildDestinationRule(service);
    expect(rule.toJSON()).toEqual({
      apiVersion: "networking.istio.io/v1beta1",
      kind: "DestinationRule",
      metadata: { name: "checkout", namespace: "shop", labels: serviceLabels(service) },
      spec: { host: "checkout.shop.svc.cluster.local", trafficPolicy: POLICY, subsets: [{ name: "v1", labels: { version: "v1" } }] },
    });
    expect(validationMessages(rule)).toEqual([]);
  });

  it("has the source document's subsets v1 and v2 for cloud-lab-service", () => {
    const rule = buildDestinationRule(resolved(cloudLabSpec()));
    expect(rule.spec!.host).toBe("cloud-lab-service.cloud-lab.svc.cluster.local");
    expect(rule.spec!.subsets).toEqual([
      { name: "v1", labels: { version: "v1" } },
      { name: "v2", labels: { version: "v2" } },
    ]);
  });

  it("has a subset for each side of a blue-green pair, the idle one too", () => {
    const rule = buildDestinationRule(resolved(webSpec({ versions: [{ name: "blue" }, { name: "green" }], routing: { strategy: "blue-green", live: "green" } })));
    expect(rule.spec!.subsets!.map((s) => s.name)).toEqual(["blue", "green"]);
  });

  it("takes the service's circuit breaker settings over the environment's", () => {
    const spec = checkoutSpec({ traffic: { connectionPool: { maxConnections: 10, http2MaxRequests: 20 }, outlierDetection: { consecutive5xxErrors: 1, maxEjectionPercent: 100 } } });
    expect(buildDestinationRule(resolved(spec)).spec!.trafficPolicy).toEqual({
      ...POLICY,
      connectionPool: { tcp: { maxConnections: 10 }, http: { http1MaxPendingRequests: 1024, http2MaxRequests: 20 } },
      outlierDetection: { ...POLICY.outlierDetection, consecutive5xxErrors: 1, maxEjectionPercent: 100 },
    });
  });

  it("takes the environment's circuit breaker defaults", () => {
    const prod: Partial<EnvironmentSpec> = { mesh: { connectionPool: { http1MaxPendingRequests: 64 }, outlierDetection: { interval: "30s" } } };
    const environments = fixtureEnvironments().map((e) => (e.spec.name === "prod-us-west-2" ? { ...e, spec: { ...e.spec, ...prod } } : e));
    const model = modelOf("prod-us-west-2", fixturePlatform({ environments }));
    const policy = buildDestinationRule(model.services.find((s) => s.name === "checkout")!).spec!.trafficPolicy!;
    expect(policy.connectionPool).toEqual({ tcp: { maxConnections: 1024 }, http: { http1MaxPendingRequests: 64, http2MaxRequests: 1024 } });
    expect(policy.outlierDetection).toEqual({ ...POLICY.outlierDetection, interval: "30s" });
  });

  it("never relaxes mutual TLS, whatever the service", () => {
    for (const spec of [checkoutSpec(), webSpec(), cacheSpec(), cloudLabSpec()]) {
      const rule = buildDestinationRule(resolved(spec));
      expect(rule.spec!.trafficPolicy!.tls, spec.name).toEqual({ mode: "ISTIO_MUTUAL" });
      expect(JSON.stringify(rule.toJSON()), spec.name).not.toMatch(/DISABLE|SIMPLE|"mode":"MUTUAL"/);
    }
  });
});
