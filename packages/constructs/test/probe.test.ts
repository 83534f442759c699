import type { ResolvedProbe } from "@cloudlab/model";
import { Probe } from "kubernetes-models/v1/Probe";
import { describe, expect, it } from "vitest";
import { buildProbe, validationMessages } from "../src/index.ts";

const TIMING = { initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 4 } as const;

function probe(handler: Partial<ResolvedProbe>): ResolvedProbe {
  return { ...TIMING, ...handler };
}

describe("buildProbe", () => {
  it("maps an HTTP check to httpGet, by port name or number", () => {
    expect(buildProbe(probe({ http: { path: "/_healthz", port: "http" } }))).toEqual({
      ...TIMING,
      successThreshold: 1,
      httpGet: { path: "/_healthz", port: "http" },
    });
    expect(buildProbe(probe({ http: { path: "/ready", port: 8080 } })).httpGet).toEqual({ path: "/ready", port: 8080 });
  });

  it("writes HTTP headers as httpHeaders, in the order given, and leaves the field out without headers", () => {
    const built = buildProbe(probe({ http: { path: "/", port: 80, headers: { "X-Probe": "kubelet", Accept: "text/plain" } } }));
    expect(built.httpGet?.httpHeaders).toEqual([
      { name: "X-Probe", value: "kubelet" },
      { name: "Accept", value: "text/plain" },
    ]);
    expect(buildProbe(probe({ http: { path: "/", port: 80 } })).httpGet).not.toHaveProperty("httpHeaders");
    expect(buildProbe(probe({ http: { path: "/", port: 80, headers: {} } })).httpGet).not.toHaveProperty("httpHeaders");
  });

  it("maps a gRPC check to grpc, with the health service only when one is named", () => {
    expect(buildProbe(probe({ grpc: { port: 9090 } }))).toEqual({ ...TIMING, successThreshold: 1, grpc: { port: 9090 } });
    expect(buildProbe(probe({ grpc: { port: 9090, service: "checkout.v1.Checkout" } })).grpc).toEqual({
      port: 9090,
      service: "checkout.v1.Checkout",
    });
  });

  it("maps a TCP check to tcpSocket", () => {
    expect(buildProbe(probe({ tcp: { port: "redis" } }))).toEqual({ ...TIMING, successThreshold: 1, tcpSocket: { port: "redis" } });
    expect(buildProbe(probe({ tcp: { port: 6379 } })).tcpSocket).toEqual({ port: 6379 });
  });

  it("sets exactly one handler", () => {
    const handlers = ["httpGet", "grpc", "tcpSocket", "exec"] as const;
    for (const spec of [{ http: { path: "/", port: 80 } }, { grpc: { port: 9090 } }, { tcp: { port: 6379 } }]) {
      const built = buildProbe(probe(spec));
      expect(handlers.filter((h) => built[h] !== undefined)).toHaveLength(1);
    }
  });

  it("writes every timing out, with successThreshold 1 (what the cluster does)", () => {
    const built = buildProbe(probe({ tcp: { port: 1 }, initialDelaySeconds: 0, periodSeconds: 1, timeoutSeconds: 1, failureThreshold: 1 }));
    expect(built).toMatchObject({ initialDelaySeconds: 0, periodSeconds: 1, timeoutSeconds: 1, failureThreshold: 1, successThreshold: 1 });
  });

  it("builds probes that pass the Probe model's validation", () => {
    for (const spec of [
      { http: { path: "/_healthz", port: "http", headers: { "X-A": "b" } } },
      { http: { path: "/", port: 8080 } },
      { grpc: { port: 9090, service: "svc" } },
      { tcp: { port: "redis" } },
    ]) {
      expect(validationMessages(new Probe(buildProbe(probe(spec))))).toEqual([]);
    }
  });
});
