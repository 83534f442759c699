import { resolvePlatform, type EnvironmentModel, type ResolvedService } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import { promqlValid, RENDER_ANALYSES, renderEnvironment, type Manifest } from "../src/index.ts";
import { fixturePlatform } from "./fixtures.ts";

function model(environment = "prod-us-west-2"): EnvironmentModel {
  const resolution = resolvePlatform(fixturePlatform());
  expect(resolution.errors).toEqual([]);
  return resolution.models.find((m) => m.environment.name === environment)!;
}

/** A model whose `web` has an objective no spec check would let through, making its latency alert's PromQL invalid. */
function withBrokenObjective(base: EnvironmentModel): EnvironmentModel {
  const broken = (s: ResolvedService): ResolvedService => ({
    ...s,
    observability: { ...s.observability, slo: { ...s.observability.slo, latencyP95Milliseconds: "100 +" as unknown as number } },
  });
  return { ...base, services: base.services.map((s) => (s.name === "web" ? broken(s) : s)) };
}

const rule = (expr: string): Manifest => ({
  apiVersion: "monitoring.coreos.com/v1",
  kind: "PrometheusRule",
  metadata: { name: "web-slo", namespace: "storefront" },
  spec: { groups: [{ name: "g", rules: [{ alert: "A", expr }] }] },
});

describe("promqlValid", () => {
  it("runs on every render", () => {
    expect(RENDER_ANALYSES).toContain(promqlValid);
  });

  it("finds nothing in the fixture platform's alerts and dashboards", () => {
    for (const environment of ["dev", "staging", "prod-us-west-2", "prod-us-east-1"]) {
      expect(renderEnvironment(model(environment)).problems).toEqual([]);
    }
  });

  it("reports an expression that does not parse, naming the object and the field", () => {
    expect(promqlValid([rule("sum(rate(istio_requests_total[5m])")])).toEqual([
      { object: "PrometheusRule/storefront/web-slo", message: "spec.groups[0].rules[0].expr: does not parse: unexpected input at the end" },
    ]);
  });

  it("reports a metric the platform does not emit", () => {
    expect(promqlValid([rule("rate(node_cpu_seconds_total[5m]) > 0")])).toEqual([
      {
        object: "PrometheusRule/storefront/web-slo",
        message: 'spec.groups[0].rules[0].expr: "node_cpu_seconds_total" is not a metric the platform emits (EMITTED_METRICS)',
      },
    ]);
  });

  it("stops the render: a broken expression is a render problem of the service's file", () => {
    const render = renderEnvironment(withBrokenObjective(model()));
    expect(render.problems).toEqual([
      {
        environment: "prod-us-west-2",
        file: "apps/platform/services/storefront/web.ts",
        object: "PrometheusRule/storefront/web-slo",
        message: "spec.groups[0].rules[0].expr: does not parse: unexpected input at the end",
      },
    ]);
  });
});
