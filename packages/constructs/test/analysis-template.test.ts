import { parser } from "@prometheus-io/lezer-promql";
import { describe, expect, it } from "vitest";
import {
  ANALYSIS_WINDOW,
  buildAnalysisTemplate,
  buildRollout,
  expressionsOf,
  CANONICAL_REVISION_LABEL,
  MINIMUM_REQUESTS,
  PROMETHEUS_URL,
  promqlProblems,
  promqlProblemsOf,
  validationMessages,
  type PlainManifest,
} from "../src/index.ts";
import { checkoutSpec, cloudLabSpec, resolved, webSpec } from "./fixtures.ts";

const canary = resolved(cloudLabSpec({ versions: undefined, delivery: { strategy: "canary" }, observability: { slo: { latencyP95Milliseconds: 250, availabilityPercent: 99.5 } } }));
/** The fields of an AnalysisTemplate metric these tests read. */
interface Metric {
  readonly name: string;
  readonly successCondition?: string;
  readonly failureCondition?: string;
  readonly count?: number | string;
  readonly provider: { readonly prometheus?: { readonly address?: string; readonly query?: string } };
}
const template = buildAnalysisTemplate(canary)!.toJSON() as unknown as { metadata?: { name?: string }; spec: { args?: unknown; metrics: Metric[] } };
const metric = (name: string) => template.spec.metrics.find((m) => m.name === name)!;
const query = (name: string) => metric(name).provider.prometheus!.query!;

/** Every label matcher of every vector selector of a query, as `name op value`. */
function matchers(expression: string): string[][] {
  const tree = parser.parse(expression);
  const out: string[][] = [];
  tree.iterate({
    enter(ref) {
      if (ref.name !== "VectorSelector") return;
      const text = (from: number, to: number) => expression.slice(from, to);
      const list = ref.node.getChild("LabelMatchers");
      out.push((list?.getChildren("UnquotedLabelMatcher") ?? []).map((m) => text(m.from, m.to)));
    },
  });
  return out;
}

describe("buildAnalysisTemplate", () => {
  it("is nothing for a service delivered by weights, or a release judged by nothing", () => {
    expect(buildAnalysisTemplate(resolved(checkoutSpec()))).toBeUndefined();
    expect(buildAnalysisTemplate(resolved(webSpec({ delivery: { strategy: "blue-green", analysis: "none" } })))).toBeUndefined();
  });

  it("is the one the service's Rollout names, with the argument the Rollout passes, and valid", () => {
    const rollout = buildRollout(canary)!.toJSON();
    expect(template.metadata!.name).toBe(rollout.spec.strategy!.canary!.analysis!.templates![0]!.templateName);
    expect(template.spec.args).toEqual([{ name: "revision" }]);
    expect(rollout.spec.strategy!.canary!.analysis!.args!.map((a: { name: string }) => a.name)).toEqual(["revision"]);
    expect(validationMessages(buildAnalysisTemplate(canary)!)).toEqual([]);
  });

  it("judges the SLO's own objectives: p95 under the latency objective, errors under the budget's fast-burn rate", () => {
    expect(template.spec.metrics.map((m) => [m.name, m.successCondition, m.failureCondition])).toEqual([
      ["latency-p95", "len(result) > 0 && result[0] < 250", "len(result) > 0 && result[0] >= 250"],
      // 14.4 × (1 − 0.995)
      ["error-ratio", "len(result) > 0 && result[0] < 0.072", "len(result) > 0 && result[0] >= 0.072"],
    ]);
    for (const m of template.spec.metrics) {
      expect(m.provider.prometheus!.address).toBe(PROMETHEUS_URL);
      expect(m).toMatchObject({ interval: "1m", initialDelay: ANALYSIS_WINDOW, failureLimit: 1 });
      // A canary's background analysis runs until the last step; a blue-green's a fixed number of times.
      expect(m).not.toHaveProperty("count");
    }
    const blueGreen = buildAnalysisTemplate(resolved(webSpec({ delivery: { strategy: "blue-green" } })))!.toJSON() as unknown as { spec: { metrics: Metric[] } };
    expect(blueGreen.spec.metrics.map((m) => m.count)).toEqual([5, 5]);
  });

  it("writes queries that parse and select only metrics the platform emits", () => {
    for (const m of template.spec.metrics) expect(promqlProblems(m.provider.prometheus!.query!), m.name).toEqual([]);
    // The renderer's PromQL analysis finds both queries (and would report a broken one).
    expect(expressionsOf(template as unknown as PlainManifest).expressions.map((e) => e.path)).toEqual([
      "spec.metrics[0].provider.prometheus.query",
      "spec.metrics[1].provider.prometheus.query",
    ]);
    expect(promqlProblemsOf(template as unknown as PlainManifest)).toEqual([]);
    const broken = { ...template, spec: { ...template.spec, metrics: [{ ...template.spec.metrics[0]!, provider: { prometheus: { query: "sum(rate(istio_requests_totl[2m]))" } } }] } };
    expect(promqlProblemsOf(broken as unknown as PlainManifest)).toEqual([
      { path: "spec.metrics[0].provider.prometheus.query", message: '"istio_requests_totl" is not a metric the platform emits (EMITTED_METRICS)' },
    ]);
  });

  it("measures the new pods only: every selector is bound to the service's requests of the revision under analysis", () => {
    for (const name of ["latency-p95", "error-ratio"]) {
      const selectors = matchers(query(name));
      expect(selectors.length).toBeGreaterThan(1);
      for (const selector of selectors) {
        expect(selector).toEqual(
          expect.arrayContaining([
            'reporter="destination"',
            'destination_service_namespace="cloud-lab"',
            'destination_service_name="cloud-lab-service"',
            'destination_canonical_revision="{{args.revision}}"',
          ]),
        );
      }
    }
    // The revision the Rollout passes is the one its pods carry, which Istio reports as destination_canonical_revision.
    const rollout = buildRollout(canary)!.toJSON();
    expect(rollout.spec.strategy!.canary!.analysis!.args![0]!.value).toBe(rollout.spec.template!.metadata!.labels![CANONICAL_REVISION_LABEL]);
  });

  it("gives no value below the minimum traffic, so a quiet canary is inconclusive, never passed", () => {
    for (const name of ["latency-p95", "error-ratio"]) {
      expect(query(name)).toMatch(new RegExp(`\\nand on\\(\\)\\n\\(\\n  sum\\(increase\\(istio_requests_total\\{.*\\}\\[${ANALYSIS_WINDOW}\\]\\)\\) >= ${MINIMUM_REQUESTS}\\n\\)$`));
    }
    // No errors at all is a ratio of 0, not no value.
    expect(query("error-ratio")).toContain("or on() vector(0)");
  });

  it("is this exact template (golden)", () => {
    expect(query("latency-p95")).toBe(
      [
        "(",
        '  histogram_quantile(0.95, sum by (le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination",destination_service_namespace="cloud-lab",destination_service_name="cloud-lab-service",destination_canonical_revision="{{args.revision}}"}[2m])))',
        ")",
        "and on()",
        "(",
        '  sum(increase(istio_requests_total{reporter="destination",destination_service_namespace="cloud-lab",destination_service_name="cloud-lab-service",destination_canonical_revision="{{args.revision}}"}[2m])) >= 50',
        ")",
      ].join("\n"),
    );
  });
});
