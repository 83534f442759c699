import { describe, expect, it } from "vitest";
import { ingressPort } from "../../src/checks/ingress-port.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ServiceSpec } from "../../src/index.ts";
import { CONTEXT, checkoutSpec, ledgerSpec } from "../fixtures.ts";

// The fixture checkout listens on `http` (http) and `grpc` (grpc).
const hosts = ["shop.example.com"];
const redis = { name: "redis", port: 6379, protocol: "tcp" as const };
const NO_PORT: FieldProblem[] = [{ path: "ingress", message: "needs an http, http2 or grpc port to route to" }];

describe("service/ingress-port", () => {
  it.each<[string, ServiceSpec, FieldProblem[]]>([
    ["no ingress", checkoutSpec(), []],
    ["no ingress and no ports", ledgerSpec(), []],
    ["no port named (the first web port)", checkoutSpec({ ingress: { hosts } }), []],
    ["an http port", checkoutSpec({ ingress: { hosts, port: "http" } }), []],
    ["a grpc port", checkoutSpec({ ingress: { hosts, port: "grpc" } }), []],
    ["an http2 port", checkoutSpec({ ports: [{ name: "h2", port: 8443, protocol: "http2" }], ingress: { hosts, port: "h2" } }), []],
    ["a web port after a tcp one", checkoutSpec({ ports: [redis, { name: "http", port: 8080, protocol: "http" }], ingress: { hosts } }), []],
    [
      "an unknown port",
      checkoutSpec({ ingress: { hosts, port: "web" } }),
      [{ path: "ingress.port", message: '"web" is not an http, http2 or grpc port of this service (declared: http, grpc)' }],
    ],
    [
      "a tcp port, next to a web one",
      checkoutSpec({ ports: [redis, { name: "http", port: 8080, protocol: "http" }], ingress: { hosts, port: "redis" } }),
      [{ path: "ingress.port", message: '"redis" is not an http, http2 or grpc port of this service (declared: http)' }],
    ],
    [
      "a tcp port of a tcp-only service",
      checkoutSpec({ ports: [redis], ingress: { hosts, port: "redis" } }),
      [{ path: "ingress.port", message: '"redis" is not an http, http2 or grpc port of this service (declared: none)' }],
    ],
    ["no port named on a tcp-only service", checkoutSpec({ ports: [redis], ingress: { hosts } }), NO_PORT],
    ["no port named on a service without ports", ledgerSpec({ ingress: { hosts } }), NO_PORT],
  ])("%s", (_, spec, problems) => {
    expect(ingressPort.check(spec, CONTEXT)).toEqual(problems);
  });
});
