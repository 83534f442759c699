import { describe, expect, it } from "vitest";
import { metricsPort } from "../../src/checks/metrics-port.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { MetricsEndpointSpec, ServicePortSpec } from "../../src/index.ts";
import { CONTEXT, checkoutSpec, ledgerSpec } from "../fixtures.ts";

const ports: ServicePortSpec[] = [
  { name: "http", port: 80, targetPort: 8080, protocol: "http" },
  { name: "admin", port: 9100, protocol: "http2" },
  { name: "grpc", port: 9090, protocol: "grpc" },
  { name: "redis", port: 6379, protocol: "tcp" },
];

describe("service/metrics-port", () => {
  it("accepts a service without a metrics endpoint", () => {
    expect(metricsPort.check(checkoutSpec(), CONTEXT)).toEqual([]);
    expect(metricsPort.check(ledgerSpec(), CONTEXT)).toEqual([]);
  });

  it.each<[string, MetricsEndpointSpec, FieldProblem[]]>([
    ["an http port", { port: "http" }, []],
    ["an http2 port with a path", { port: "admin", path: "/stats" }, []],
    [
      "an undeclared port",
      { port: "metrics" },
      [{ path: "observability.metrics.port", message: '"metrics" is not a port of this service (declared: http, admin, grpc, redis)' }],
    ],
    ["a grpc port", { port: "grpc" }, [{ path: "observability.metrics.port", message: '"grpc" is a grpc port; Prometheus scrapes an http or http2 port' }]],
    ["a tcp port", { port: "redis" }, [{ path: "observability.metrics.port", message: '"redis" is a tcp port; Prometheus scrapes an http or http2 port' }]],
  ])("%s", (_, metrics, problems) => {
    expect(metricsPort.check(checkoutSpec({ ports, probes: undefined, observability: { metrics } }), CONTEXT)).toEqual(problems);
  });

  it("names the missing port of a service that declares none", () => {
    expect(metricsPort.check(ledgerSpec({ observability: { metrics: { port: "http" } } }), CONTEXT)).toEqual([
      { path: "observability.metrics.port", message: '"http" is not a port of this service (declared: none)' },
    ]);
  });
});
