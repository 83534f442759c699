import { describe, expect, it } from "vitest";
import { EMITTED_METRICS, isEmittedMetric, promqlProblems } from "../../src/index.ts";

describe("promqlProblems", () => {
  it.each([
    ["a selector with matchers", 'up{job="kube-state-metrics"}'],
    ["rate over a window", 'sum(rate(istio_requests_total{reporter="destination"}[5m]))'],
    ["a quantile of a histogram", "histogram_quantile(0.95, sum by (le) (rate(istio_request_duration_milliseconds_bucket[5m]))) > 100"],
    ["set operators and scalar arithmetic", "(sum(rate(istio_requests_total[1h])) > (14.4 * 0.001) and sum(rate(istio_requests_total[5m])) > (14.4 * 0.001)) or vector(0)"],
    ["a metric named by an exact __name__ matcher", '{__name__="kube_pod_status_phase", phase="Running"}'],
    ["a metric named by a quoted name", '{"container_memory_working_set_bytes", namespace="shop"}'],
    ["a comparison of two kube-state-metrics series", "kube_horizontalpodautoscaler_status_current_replicas >= kube_horizontalpodautoscaler_spec_max_replicas"],
  ])("accepts %s", (_, expression) => {
    expect(promqlProblems(expression)).toEqual([]);
  });

  it.each([
    ["an empty expression", "  ", ["is empty"]],
    ["an unclosed call", "sum(rate(istio_requests_total[5m])", ["does not parse: unexpected input at the end"]],
    ["a dangling operator", "up > ", ["does not parse: unexpected input at the end"]],
    ["two selectors side by side", "up down", ['does not parse: unexpected input at column 4 ("down")']],
    ["an unknown function", "frobnicate(up)", ['does not parse: unexpected input at column 11 ("(up)")']],
    ["a metric the platform does not emit", "rate(node_cpu_seconds_total[5m])", ['"node_cpu_seconds_total" is not a metric the platform emits (EMITTED_METRICS)']],
    [
      "a misspelt Istio metric, reported once however often it is used",
      "sum(rate(istio_request_total[5m])) / sum(rate(istio_request_total[1h]))",
      ['"istio_request_total" is not a metric the platform emits (EMITTED_METRICS)'],
    ],
    ["a metric named through __name__", '{__name__="http_requests_total"}', ['"http_requests_total" is not a metric the platform emits (EMITTED_METRICS)']],
    [
      "metric names matched by a pattern",
      '{__name__=~"istio_.*"}',
      ['"{__name__=~"istio_.*"}" matches metric names by a pattern, which cannot be checked against the emitted metrics'],
    ],
    ["a selector of any metric", '{namespace="shop"}', ['"{namespace="shop"}" selects series of any metric; name the metric']],
  ])("reports %s", (_, expression, problems) => {
    expect(promqlProblems(expression)).toEqual(problems);
  });
});

describe("promqlProblems on expressions of one shape (parsed once, checked each)", () => {
  it("checks each expression's own metric names, also those in string literals", () => {
    expect(promqlProblems('{__name__="up", job="a"}')).toEqual([]);
    expect(promqlProblems('{__name__="down", job="b"}')).toEqual(['"down" is not a metric the platform emits (EMITTED_METRICS)']);
    expect(promqlProblems('sum({"kube_pod_status_phase", phase="x"}) + sum({"istio_requests_total", phase="y"})')).toEqual([]);
    expect(promqlProblems('sum({"kube_pod_status_phase", phase="x"}) + sum({"node_load1", phase="y"})')).toEqual([
      '"node_load1" is not a metric the platform emits (EMITTED_METRICS)',
    ]);
  });

  it("gives the same answers as a parse of the expression itself for literals with quotes, escapes and backticks", () => {
    expect(promqlProblems('up{job="a\\"b", pod=~`x"y`, ns=\'q"\'}')).toEqual([]);
    expect(promqlProblems('up{job="a\\"b"} + foo{pod=`"`}')).toEqual(['"foo" is not a metric the platform emits (EMITTED_METRICS)']);
  });

  it("reports a broken literal where it is", () => {
    expect(promqlProblems('up{job="a}')).toEqual(["does not parse: unexpected input at the end"]);
  });

  it("parses an expression with a comment as it is", () => {
    expect(promqlProblems('up # "not a string\n+ foo')).toEqual(['"foo" is not a metric the platform emits (EMITTED_METRICS)']);
  });
});

describe("EMITTED_METRICS", () => {
  it("lists the Istio, kube-state-metrics, cAdvisor and Prometheus metrics the dashboards and alerts use", () => {
    for (const name of [
      "istio_requests_total",
      "istio_request_duration_milliseconds_bucket",
      "kube_pod_status_phase",
      "kube_pod_status_ready",
      "kube_horizontalpodautoscaler_spec_max_replicas",
      "container_cpu_usage_seconds_total",
      "container_memory_working_set_bytes",
      "up",
    ]) {
      expect(isEmittedMetric(name), name).toBe(true);
    }
  });

  it("names each metric's source by its prefix", () => {
    const prefix = { istio: "istio_", "kube-state-metrics": "kube_", cadvisor: "container_", prometheus: "up" } as const;
    for (const [name, source] of Object.entries(EMITTED_METRICS)) expect(name.startsWith(prefix[source]), name).toBe(true);
  });

  it("is a list of names, not of prototype properties", () => {
    expect(isEmittedMetric("constructor")).toBe(false);
    expect(isEmittedMetric("toString")).toBe(false);
  });
});
