import type { ResolvedPort } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import { buildHeadlessService, buildService, istioPortName, serviceLabels, validationMessages } from "../src/index.ts";
import { cacheSpec, checkoutSpec, resolved, webSpec } from "./fixtures.ts";

function port(name: string, protocol: ResolvedPort["protocol"]): ResolvedPort {
  return { name, protocol, port: 80, targetPort: 80 };
}

describe("istioPortName", () => {
  it("prefixes the protocol, Istio style", () => {
    expect(istioPortName(port("redis", "tcp"))).toBe("tcp-redis");
    expect(istioPortName(port("api", "http2"))).toBe("http2-api");
    expect(istioPortName(port("web", "http"))).toBe("http-web");
    expect(istioPortName(port("internal", "grpc"))).toBe("grpc-internal");
  });

  it("keeps a name that already is, or starts with, the protocol", () => {
    expect(istioPortName(port("grpc", "grpc"))).toBe("grpc");
    expect(istioPortName(port("http", "http"))).toBe("http");
    expect(istioPortName(port("http-metrics", "http"))).toBe("http-metrics");
    expect(istioPortName(port("tcp-redis", "tcp"))).toBe("tcp-redis");
  });

  it("only counts a whole prefix followed by a dash", () => {
    expect(istioPortName(port("grpcweb", "grpc"))).toBe("grpc-grpcweb");
    expect(istioPortName(port("http", "http2"))).toBe("http2-http");
    expect(istioPortName(port("http2", "http"))).toBe("http-http2");
  });
});

describe("buildService", () => {
  it("exposes each port by its Istio name with its appProtocol", () => {
    expect(buildService(resolved(checkoutSpec())).spec!.ports).toEqual([
      { name: "grpc", port: 9090, targetPort: 9090, protocol: "TCP", appProtocol: "grpc" },
    ]);
    expect(buildService(resolved(webSpec())).spec!.ports).toEqual([
      { name: "http", port: 80, targetPort: 8080, protocol: "TCP", appProtocol: "http" },
    ]);
    expect(buildService(resolved(cacheSpec())).spec!.ports).toEqual([
      { name: "tcp-redis", port: 6379, targetPort: 6379, protocol: "TCP", appProtocol: "tcp" },
    ]);
  });

  it("is a ClusterIP Service named after the service, selecting every version's pods", () => {
    const checkout = resolved(checkoutSpec());
    const service = buildService(checkout);
    expect(service.apiVersion).toBe("v1");
    expect(service.kind).toBe("Service");
    expect(service.metadata).toEqual({ name: "checkout", namespace: "shop", labels: serviceLabels(checkout) });
    expect(service.spec!.type).toBe("ClusterIP");
    expect(service.spec).not.toHaveProperty("clusterIP");
    expect(service.spec!.selector).toEqual({ "app.kubernetes.io/name": "checkout" });
  });

  it("keeps the ports in declaration order", () => {
    const spec = webSpec({
      ports: [
        { name: "http", port: 80, targetPort: 8080, protocol: "http" },
        { name: "admin", port: 9000, protocol: "http2" },
        { name: "metrics", port: 9102, protocol: "tcp" },
      ],
    });
    expect(buildService(resolved(spec)).spec!.ports!.map((p) => p.name)).toEqual(["http", "http2-admin", "tcp-metrics"]);
  });
});

describe("buildHeadlessService", () => {
  const cache = resolved(cacheSpec());
  const headless = buildHeadlessService(cache);

  it("is a headless Service (clusterIP None) named <service>-headless", () => {
    expect(headless.metadata).toEqual({ name: "cache-headless", namespace: "shop", labels: serviceLabels(cache) });
    expect(headless.spec!.clusterIP).toBe("None");
    expect(headless.spec!.type).toBe("ClusterIP");
    expect(headless.spec!.publishNotReadyAddresses).toBe(true);
  });

  it("selects and exposes like the ClusterIP Service", () => {
    const service = buildService(cache);
    expect(headless.spec!.selector).toEqual(service.spec!.selector);
    expect(headless.spec!.ports).toEqual(service.spec!.ports);
  });
});

describe("Services", () => {
  it("pass the model's validation", () => {
    for (const spec of [checkoutSpec(), webSpec(), cacheSpec()]) {
      expect(validationMessages(buildService(resolved(spec))), spec.name).toEqual([]);
    }
    expect(validationMessages(buildHeadlessService(resolved(cacheSpec())))).toEqual([]);
  });
});
