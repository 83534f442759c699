import { describe, expect, it } from "vitest";
import { delivery } from "../../src/checks/delivery.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ResolvedEnvironment, ServiceSpec } from "../../src/index.ts";
import { CONTEXT, contextIn, checkoutSpec, ledgerSpec, resolvedEnvironment } from "../fixtures.ts";

const canary = (changes: NonNullable<ServiceSpec["delivery"]> = {}, spec: Partial<ServiceSpec> = {}): ServiceSpec =>
  checkoutSpec({ ...spec, delivery: { strategy: "canary", ...changes } });
const blueGreen = (changes: NonNullable<ServiceSpec["delivery"]> = {}, spec: Partial<ServiceSpec> = {}): ServiceSpec =>
  checkoutSpec({ ...spec, delivery: { strategy: "blue-green", ...changes } });

describe("service/delivery", () => {
  it.each<[string, ServiceSpec, FieldProblem[]]>([
    ["no delivery (manual weights)", checkoutSpec(), []],
    ["weights said explicitly, with two versions", checkoutSpec({ delivery: { strategy: "weights" }, versions: [{ name: "v1", weight: 90 }, { name: "v2", weight: 10 }] }), []],
    ["a canary with every default", canary(), []],
    ["the issue's canary", canary({ steps: [10, 25, 50, 100], pause: "5m", analysis: "slo" }), []],
    ["one step straight to 100", canary({ steps: [100], pause: "30s" }), []],
    ["a canary without analysis", canary({ analysis: "none" }), []],
    ["a canary with one explicit version", canary({}, { versions: [{ name: "v1" }] }), []],
    ["a blue-green with every default", blueGreen(), []],
    ["the issue's blue-green", blueGreen({ analysis: "slo", autoPromote: false }), []],
    ["a blue-green that promotes itself", blueGreen({ autoPromote: true }), []],
    ["a blue-green of a worker with a TCP port and no analysis", ledgerSpec({ ports: [{ name: "db", port: 5432, protocol: "tcp" }], delivery: { strategy: "blue-green", analysis: "none" } }), []],
    [
      "steps not increasing",
      canary({ steps: [10, 50, 25, 100] }),
      [{ path: "delivery.steps[2]", message: "25 does not increase on the step before it (50)" }],
    ],
    [
      "a repeated step",
      canary({ steps: [10, 10, 100] }),
      [{ path: "delivery.steps[1]", message: "10 does not increase on the step before it (10)" }],
    ],
    ["a step of 0", canary({ steps: [0, 50, 100] }), [{ path: "delivery.steps[0]", message: "0 is not a share of requests from 1 to 100" }]],
    [
      "steps ending below 100",
      canary({ steps: [10, 25, 50] }),
      [{ path: "delivery.steps", message: "ends at 50, not 100: the last step sends the canary every request" }],
    ],
    [
      "a pause in milliseconds",
      canary({ pause: "500ms" }),
      [{ path: "delivery.pause", message: '"500ms" is not a whole number of seconds, minutes or hours (e.g. 30s, 5m, 1h)' }],
    ],
    [
      "a pause of two units",
      canary({ pause: "1m30s" }),
      [{ path: "delivery.pause", message: '"1m30s" is not a whole number of seconds, minutes or hours (e.g. 30s, 5m, 1h)' }],
    ],
    [
      "steps with manual weights",
      checkoutSpec({ delivery: { steps: [50, 100] } }),
      [{ path: "delivery.steps", message: 'is only used with strategy "canary", not "weights"' }],
    ],
    [
      "autoPromote on a canary, steps on a blue-green",
      checkoutSpec({ delivery: { strategy: "canary", autoPromote: true } }),
      [{ path: "delivery.autoPromote", message: 'is only used with strategy "blue-green", not "canary"' }],
    ],
    [
      "a pause and steps on a blue-green",
      blueGreen({ steps: [100], pause: "5m" }),
      [
        { path: "delivery.steps", message: 'is only used with strategy "canary", not "blue-green"' },
        { path: "delivery.pause", message: 'is only used with strategy "canary", not "blue-green"' },
      ],
    ],
    [
      "analysis with manual weights",
      checkoutSpec({ delivery: { strategy: "weights", analysis: "slo" } }),
      [{ path: "delivery.analysis", message: 'is only used with strategy "canary" or "blue-green", not "weights"' }],
    ],
    [
      "a canary with two versions",
      canary({}, { versions: [{ name: "v1", weight: 90 }, { name: "v2", weight: 10 }] }),
      [{ path: "versions", message: "a canary delivery runs one version (Argo Rollouts makes the new pods from a change of image), found 2" }],
    ],
    [
      "a blue-green delivery over manual blue-green routing",
      blueGreen({}, { versions: [{ name: "blue" }, { name: "green" }], routing: { strategy: "blue-green", live: "blue" } }),
      [
        { path: "versions", message: "a blue-green delivery runs one version (Argo Rollouts makes the new pods from a change of image), found 2" },
        { path: "routing.strategy", message: '"blue-green" switches versions by hand; a blue-green delivery switches by itself' },
      ],
    ],
    [
      "A/B rules and mirroring with a canary",
      canary({}, { routing: { matches: [{ name: "beta", headers: { "x-beta": { exact: "1" } }, version: "v1" }], mirror: { version: "v1", percent: 5 } } }),
      [
        { path: "routing.matches", message: "route to versions, and a canary delivery runs one" },
        { path: "routing.mirror", message: "mirrors to a version, and a canary delivery runs one" },
      ],
    ],
    [
      "a stateful canary",
      canary({}, { workload: "stateful", storage: { size: "1Gi", mountPath: "/data" } }),
      [{ path: "workload", message: '"stateful" runs as a StatefulSet; a canary delivery is an Argo Rollout of a stateless service' }],
    ],
    [
      "a canary of a TCP-only service",
      canary({}, { ports: [{ name: "db", port: 5432, protocol: "tcp" }], probes: { readiness: { tcp: { port: 5432 } }, liveness: { tcp: { port: 5432 } } } }),
      [{ path: "delivery.strategy", message: '"canary" needs an http, http2 or grpc port: Istio splits the weights on HTTP routes' }],
    ],
    [
      "a blue-green of a worker without ports",
      ledgerSpec({ delivery: { strategy: "blue-green", analysis: "none" } }),
      [{ path: "delivery.strategy", message: '"blue-green" needs a port: it switches an active and a preview Service' }],
    ],
    [
      "an SLO-judged blue-green without HTTP",
      ledgerSpec({ ports: [{ name: "db", port: 5432, protocol: "tcp" }], delivery: { strategy: "blue-green" } }),
      [{ path: "delivery.analysis", message: '"slo" needs an http, http2 or grpc port: the Istio proxy measures requests only there' }],
    ],
  ])("%s", (_name, spec, expected) => {
    expect(delivery.check(spec, CONTEXT)).toEqual(expected);
  });

  const environment = (changes: Partial<ResolvedEnvironment>): ResolvedEnvironment => ({ ...resolvedEnvironment("staging"), ...changes });

  it.each([true, false])("refuses a canary where Flux delivers, with Argo CD too: %s (its server-side apply would reset the weights)", (argocd) => {
    const flux = environment({ delivery: { argocd, flux: true, repoUrl: "https://example.com/repo.git", revision: "main" } });
    expect(delivery.check(canary(), contextIn(flux))).toEqual([
      { path: "delivery.strategy", message: `"canary" cannot be delivered by Flux (${flux.name}): its server-side apply would reset the weights Argo Rollouts sets` },
    ]);
    expect(delivery.check(blueGreen(), contextIn(flux))).toEqual([]);
  });
});
