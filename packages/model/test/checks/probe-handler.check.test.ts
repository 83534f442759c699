import { describe, expect, it } from "vitest";
import { probeHandler } from "../../src/checks/probe-handler.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ProbeSpec, ServiceSpec } from "../../src/index.ts";
import { CONTEXT, cartSpec, checkoutSpec, ledgerSpec } from "../fixtures.ts";

// The fixture's ports: `http` (Service port 80, container port 8080) and `grpc` (9090).
const ok: ProbeSpec = { http: { path: "/_healthz", port: "http" } };
const withReadiness = (readiness: ProbeSpec): ServiceSpec => checkoutSpec({ probes: { readiness, liveness: ok } });

describe("service/probe-handler", () => {
  it.each<[string, ServiceSpec, FieldProblem[]]>([
    ["http by port name and grpc by container port", checkoutSpec(), []],
    ["http and tcp by port name and number", cartSpec(), []],
    ["no probes", ledgerSpec(), []],
    ["http by container port", withReadiness({ http: { path: "/", port: 8080 } }), []],
    ["tcp by port name", withReadiness({ tcp: { port: "grpc" } }), []],
    ["a startup probe", checkoutSpec({ probes: { readiness: ok, liveness: ok, startup: { tcp: { port: 9090 }, failureThreshold: 30 } } }), []],
    ["no handler", withReadiness({ periodSeconds: 5 }), [{ path: "probes.readiness", message: "set exactly one of http, grpc, tcp (found none)" }]],
    [
      "two handlers",
      withReadiness({ http: { path: "/", port: "http" }, tcp: { port: 8080 } }),
      [{ path: "probes.readiness", message: "set exactly one of http, grpc, tcp (found http, tcp)" }],
    ],
    [
      "three handlers",
      withReadiness({ http: { path: "/", port: "http" }, grpc: { port: 9090 }, tcp: { port: 8080 } }),
      [{ path: "probes.readiness", message: "set exactly one of http, grpc, tcp (found http, grpc, tcp)" }],
    ],
    [
      "an unknown port name",
      withReadiness({ http: { path: "/", port: "admin" } }),
      [{ path: "probes.readiness.http.port", message: '"admin" is not the name of a port of this service (declared: http, grpc)' }],
    ],
    [
      "the Service port where the container port differs",
      withReadiness({ tcp: { port: 80 } }),
      [{ path: "probes.readiness.tcp.port", message: "80 is not a container port of this service (declared: 8080, 9090)" }],
    ],
    [
      "a gRPC probe on an undeclared port",
      withReadiness({ grpc: { port: 50051 } }),
      [{ path: "probes.readiness.grpc.port", message: "50051 is not a container port of this service (declared: 8080, 9090)" }],
    ],
    [
      "probes on a service without ports",
      ledgerSpec({ probes: { readiness: { tcp: { port: 8080 } }, liveness: { http: { path: "/", port: "http" } } } }),
      [
        { path: "probes.readiness.tcp.port", message: "8080 is not a container port of this service (declared: none)" },
        { path: "probes.liveness.http.port", message: '"http" is not the name of a port of this service (declared: none)' },
      ],
    ],
    [
      "problems in every probe, readiness then liveness then startup",
      checkoutSpec({ probes: { startup: { tcp: { port: 1 } }, liveness: {}, readiness: { http: { path: "/", port: "web" } } } }),
      [
        { path: "probes.readiness.http.port", message: '"web" is not the name of a port of this service (declared: http, grpc)' },
        { path: "probes.liveness", message: "set exactly one of http, grpc, tcp (found none)" },
        { path: "probes.startup.tcp.port", message: "1 is not a container port of this service (declared: 8080, 9090)" },
      ],
    ],
  ])("%s", (_, spec, problems) => {
    expect(probeHandler.check(spec, CONTEXT)).toEqual(problems);
  });
});
