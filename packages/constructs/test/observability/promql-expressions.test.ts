import { describe, expect, it } from "vitest";
import { expressionsOf, promqlProblemsOf, type PlainManifest } from "../../src/index.ts";

const rule = (expr: string): PlainManifest => ({
  kind: "PrometheusRule",
  metadata: { name: "web-slo" },
  spec: { groups: [{ name: "g", rules: [{ alert: "A", expr: "up > 0" }, { alert: "B", expr }] }] },
});

const dashboard = (text: string): PlainManifest => ({
  kind: "ConfigMap",
  metadata: { name: "grafana-dashboard-web", labels: { grafana_dashboard: "1" } },
  data: { "web.json": text },
});

describe("expressionsOf", () => {
  it("finds the rules of a PrometheusRule", () => {
    expect(expressionsOf(rule("sum(up)")).expressions).toEqual([
      { path: "spec.groups[0].rules[0].expr", expr: "up > 0" },
      { path: "spec.groups[0].rules[1].expr", expr: "sum(up)" },
    ]);
  });

  it("finds the panel queries of a dashboard ConfigMap, and only of one labelled for Grafana", () => {
    const text = JSON.stringify({ panels: [{ targets: [{ expr: "up" }] }, { targets: [{ expr: "sum(up)" }, { expr: "count(up)" }] }] });
    expect(expressionsOf(dashboard(text)).expressions.map((e) => e.path)).toEqual([
      "data.web.json: panels[0].targets[0].expr",
      "data.web.json: panels[1].targets[0].expr",
      "data.web.json: panels[1].targets[1].expr",
    ]);
    expect(expressionsOf({ ...dashboard(text), metadata: { name: "other" } }).expressions).toEqual([]);
  });

  it("finds the rules in prometheus-config's alerts.yml", () => {
    const map: PlainManifest = {
      kind: "ConfigMap",
      metadata: { name: "prometheus-config" },
      data: { "prometheus.yml": "global: {}\n", "alerts.yml": "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n" },
    };
    expect(expressionsOf(map).expressions).toEqual([{ path: "data.alerts.yml: groups[0].rules[0].expr", expr: "up == 0" }]);
  });
});

describe("promqlProblemsOf", () => {
  it("accepts sound expressions", () => {
    expect(promqlProblemsOf(rule('sum(rate(istio_requests_total{reporter="destination"}[5m]))'))).toEqual([]);
  });

  it("reports a broken expression where it is", () => {
    expect(promqlProblemsOf(rule("sum(rate(istio_requests_total[5m])"))).toEqual([
      { path: "spec.groups[0].rules[1].expr", message: "does not parse: unexpected input at the end" },
    ]);
  });

  it("reports a metric the platform does not emit", () => {
    const text = JSON.stringify({ panels: [{ targets: [{ expr: "rate(node_cpu_seconds_total[5m])" }] }] });
    expect(promqlProblemsOf(dashboard(text))).toEqual([
      { path: "data.web.json: panels[0].targets[0].expr", message: '"node_cpu_seconds_total" is not a metric the platform emits (EMITTED_METRICS)' },
    ]);
  });

  it("reports a dashboard that is not JSON", () => {
    expect(promqlProblemsOf(dashboard("{ panels: ["))).toEqual([{ path: "data.web.json", message: expect.stringMatching(/^is not valid JSON \(/) }]);
  });

  it("reports alert rules that are not YAML", () => {
    const map: PlainManifest = { kind: "ConfigMap", metadata: { name: "prometheus-config" }, data: { "alerts.yml": "groups: [\n" } };
    expect(promqlProblemsOf(map)).toEqual([{ path: "data.alerts.yml", message: expect.stringMatching(/^is not valid YAML \(/) }]);
  });

  it("ignores objects without PromQL", () => {
    expect(promqlProblemsOf({ kind: "ConfigMap", metadata: { name: "x" }, data: { "a.json": "not json" } })).toEqual([]);
    expect(promqlProblemsOf({ kind: "Deployment", metadata: { name: "x" }, spec: {} })).toEqual([]);
  });
});
