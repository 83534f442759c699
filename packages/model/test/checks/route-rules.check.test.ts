import { describe, expect, it } from "vitest";
import { routeRules } from "../../src/checks/route-rules.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { RouteMatchSpec, RoutingSpec, ServiceSpec } from "../../src/index.ts";
import { CONTEXT, checkoutSpec } from "../fixtures.ts";

const CANARY = [
  { name: "v1", weight: 90 },
  { name: "v2", weight: 10 },
];
const routed = (routing: RoutingSpec, versions: ServiceSpec["versions"] = CANARY): ServiceSpec => checkoutSpec({ versions, routing });
const matches = (...rules: RouteMatchSpec[]): RoutingSpec => ({ matches: rules });
const beta: RouteMatchSpec = { name: "beta", headers: { "x-beta": { exact: "1" } }, version: "v2" };
const UNKNOWN_V3 = '"v3" is not a declared version (declared: v1, v2)';

describe("service/route-rules", () => {
  it.each<[string, ServiceSpec, FieldProblem[]]>([
    ["no routing", checkoutSpec(), []],
    ["routing without rules", routed({ strategy: "weighted" }), []],
    ["a header rule to a declared version", routed(matches(beta)), []],
    ["a cookie rule", routed(matches({ name: "testers", cookie: { name: "group", value: "testers" }, version: "v2" })), []],
    ["a rule with both headers and a cookie", routed(matches({ ...beta, cookie: { name: "group", value: "a" } })), []],
    ["prefix and regex header conditions", routed(matches({ name: "b", headers: { "user-agent": { prefix: "Mozilla" }, "x-id": { regex: "^[0-9]+$" } }, version: "v1" })), []],
    ["a rule to the implicit v1 of a service without versions", checkoutSpec({ routing: matches({ ...beta, version: "v1" }) }), []],
    ["mirroring to a declared version", routed({ mirror: { version: "v2", percent: 5 } }), []],
    ["fault injection alone", routed({ fault: { abort: { percent: 1, httpStatus: 503 } } }), []],
    [
      "a rule to an undeclared version",
      routed(matches({ ...beta, version: "v3" })),
      [{ path: "routing.matches[0].version", message: UNKNOWN_V3 }],
    ],
    [
      "a rule to v2 of a service without versions",
      checkoutSpec({ routing: matches(beta) }),
      [{ path: "routing.matches[0].version", message: '"v2" is not a declared version (declared: v1)' }],
    ],
    [
      "a repeated rule name",
      routed(matches(beta, { ...beta, version: "v1" })),
      [{ path: "routing.matches[1].name", message: '"beta" is already used by routing.matches[0]' }],
    ],
    [
      "a rule name used three times, pointing at the first",
      routed(matches(beta, beta, beta)),
      [
        { path: "routing.matches[1].name", message: '"beta" is already used by routing.matches[0]' },
        { path: "routing.matches[2].name", message: '"beta" is already used by routing.matches[0]' },
      ],
    ],
    ["a rule without a condition", routed(matches({ name: "all", version: "v2" })), [{ path: "routing.matches[0]", message: "needs a condition: headers or cookie" }]],
    ["a rule with empty headers", routed(matches({ name: "all", headers: {}, version: "v2" })), [{ path: "routing.matches[0]", message: "needs a condition: headers or cookie" }]],
    [
      "a header condition with two kinds",
      routed(matches({ name: "b", headers: { "x-user": { exact: "a", prefix: "a" } }, version: "v2" })),
      [{ path: "routing.matches[0].headers.x-user", message: "set exactly one of exact, prefix, regex (found exact, prefix)" }],
    ],
    [
      "a header condition with every kind",
      routed(matches({ name: "b", headers: { "x-user": { exact: "a", prefix: "a", regex: "a" } }, version: "v2" })),
      [{ path: "routing.matches[0].headers.x-user", message: "set exactly one of exact, prefix, regex (found exact, prefix, regex)" }],
    ],
    [
      "a header condition with none",
      routed(matches({ name: "b", headers: { "x-user": {} }, version: "v2" })),
      [{ path: "routing.matches[0].headers.x-user", message: "set exactly one of exact, prefix, regex (found none)" }],
    ],
    [
      "mirroring to an undeclared version",
      routed({ mirror: { version: "v3", percent: 5 } }),
      [{ path: "routing.mirror.version", message: UNKNOWN_V3 }],
    ],
    [
      "several problems: per rule name, version, condition and headers, then the mirror",
      routed({
        matches: [
          { name: "a", version: "v3" },
          { name: "a", headers: { "x-a": {}, "x-b": { exact: "1" } }, version: "v1" },
        ],
        mirror: { version: "v9", percent: 1 },
      }),
      [
        { path: "routing.matches[0].version", message: UNKNOWN_V3 },
        { path: "routing.matches[0]", message: "needs a condition: headers or cookie" },
        { path: "routing.matches[1].name", message: '"a" is already used by routing.matches[0]' },
        { path: "routing.matches[1].headers.x-a", message: "set exactly one of exact, prefix, regex (found none)" },
        { path: "routing.mirror.version", message: '"v9" is not a declared version (declared: v1, v2)' },
      ],
    ],
  ])("%s", (_, spec, problems) => {
    expect(routeRules.check(spec, CONTEXT)).toEqual(problems);
  });
});
