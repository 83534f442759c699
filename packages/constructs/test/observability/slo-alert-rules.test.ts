import type { ResolvedService, ServiceSpec } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import { buildServicePrometheusRule, promqlProblems, serviceAlertRules, serviceRuleGroup } from "../../src/index.ts";
import { cacheSpec, checkoutSpec, webSpec, workerSpec } from "../fixtures.ts";
import { observedModel } from "./observability-fixtures.ts";

function service(spec: ServiceSpec, environment = "prod-us-west-2"): ResolvedService {
  const model = observedModel(environment, undefined, [spec]);
  return model.services.find((s) => s.name === spec.name)!;
}

/** `alert severity for` per rule: what the table compares. */
function summary(resolved: ResolvedService): string[] {
  return serviceAlertRules(resolved).map((r) => `${r.alert} ${r.labels.severity} ${r.for}`);
}

const REQUEST_ALERTS = (urgent: string, latencyMinutes = 10) => [
  `SLOLatencyP95High ${urgent} ${latencyMinutes}m`,
  `SLOErrorRatioHigh ${urgent} 5m`,
  `SLOErrorBudgetBurnFast ${urgent} 2m`,
  "SLOErrorBudgetBurnSlow warning 15m",
];

describe("serviceAlertRules: each service gets exactly its alerts", () => {
  it.each<[string, ServiceSpec, string, string[]]>([
    [
      "an autoscaled gRPC service in prod",
      checkoutSpec(),
      "prod-us-west-2",
      [...REQUEST_ALERTS("warning"), "PodsNotReady warning 10m", "HPAAtMaxReplicas warning 15m"],
    ],
    ["the same service where dev runs it at a fixed size: no HPA alert", checkoutSpec(), "dev", [...REQUEST_ALERTS("warning"), "PodsNotReady warning 10m"]],
    [
      "an HPA that staging's cap pins at one count (min 5 = max 5): no HPA alert",
      checkoutSpec({ autoscaling: { minReplicas: 8, maxReplicas: 80 } }),
      "staging",
      [...REQUEST_ALERTS("warning"), "PodsNotReady warning 10m"],
    ],
    [
      "the same service where staging's cap still leaves a range",
      checkoutSpec({ autoscaling: { minReplicas: 3, maxReplicas: 30 } }),
      "staging",
      [...REQUEST_ALERTS("warning"), "PodsNotReady warning 10m", "HPAAtMaxReplicas warning 15m"],
    ],
    [
      "a critical service: its urgent alerts are critical, slow burns and the HPA stay warnings",
      checkoutSpec({ critical: true }),
      "prod-us-west-2",
      [...REQUEST_ALERTS("critical"), "PodsNotReady critical 10m", "HPAAtMaxReplicas warning 15m"],
    ],
    [
      "a fixed-size HTTP service with its own latency window",
      webSpec({ observability: { slo: { latencyForMinutes: 3 } } }),
      "prod-us-west-2",
      [...REQUEST_ALERTS("warning", 3), "PodsNotReady warning 10m"],
    ],
    ["a TCP-only stateful service: the proxy measures no requests", cacheSpec(), "prod-us-west-2", ["PodsNotReady warning 10m"]],
    ["a worker without ports", workerSpec({ critical: true }), "prod-us-west-2", ["PodsNotReady critical 10m"]],
  ])("%s", (_, spec, environment, expected) => {
    expect(summary(service(spec, environment))).toEqual(expected);
  });
});

describe("serviceAlertRules: each service's own objective", () => {
  it.each<[string, ServiceSpec, string, string]>([
    ["the default objective", webSpec(), "> 100", "(14.4 * 0.001)"],
    ["a service's own latency objective", webSpec({ observability: { slo: { latencyP95Milliseconds: 250 } } }), "> 250", "(14.4 * 0.001)"],
    ["a tighter availability", checkoutSpec({ observability: { slo: { availabilityPercent: 99.95 } } }), "> 100", "(14.4 * 0.0005)"],
    ["a looser availability", checkoutSpec({ observability: { slo: { latencyP95Milliseconds: 40, availabilityPercent: 99 } } }), "> 40", "(14.4 * 0.01)"],
  ])("%s", (_, spec, latencyThreshold, fastBurnThreshold) => {
    const rules = serviceAlertRules(service(spec));
    const expr = (alert: string) => rules.find((r) => r.alert === alert)!.expr;
    expect(expr("SLOLatencyP95High").endsWith(latencyThreshold)).toBe(true);
    expect(expr("SLOLatencyP95High")).toContain(`destination_service_name="${spec.name}"`);
    expect(expr("SLOErrorBudgetBurnFast")).toContain(fastBurnThreshold);
  });

  it("uses the SRE workbook's windows and burn rates: 1h/5m 14.4× and 6h/30m 6× page, 1d/2h 3× and 3d/6h 1× ticket", () => {
    const rules = serviceAlertRules(service(webSpec()));
    const windows = (alert: string) => [...rules.find((r) => r.alert === alert)!.expr.matchAll(/\[(\w+)\]\)\) > \((\S+) \*/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(windows("SLOErrorBudgetBurnFast")).toEqual(["1h 14.4", "5m 14.4", "6h 6", "30m 6"]);
    expect(windows("SLOErrorBudgetBurnSlow")).toEqual(["1d 3", "2h 3", "3d 1", "6h 1"]);
  });

  it("counts HTTP 5xx and gRPC server-side statuses as errors, each series once", () => {
    const ratio = serviceAlertRules(service(checkoutSpec())).find((r) => r.alert === "SLOErrorRatioHigh")!.expr;
    expect(ratio).toContain('response_code=~"5.."');
    expect(ratio).toContain('grpc_response_status=~"2|4|12|13|14|15"');
    expect(ratio).toContain("[5m]) or rate(");
    expect(ratio.endsWith("> 0.05")).toBe(true);
  });

  it("selects exactly the service's pods and HPAs, every version's", () => {
    const spec = checkoutSpec({ versions: [{ name: "v1", weight: 90 }, { name: "v2", weight: 10 }] });
    const rules = serviceAlertRules(service(spec));
    expect(rules.find((r) => r.alert === "PodsNotReady")!.expr).toBe(
      'sum(kube_pod_status_ready{namespace="shop",pod=~"(checkout-v1|checkout-v2)-[a-z0-9]+-[a-z0-9]+",condition="false"}) > 0',
    );
    expect(rules.find((r) => r.alert === "HPAAtMaxReplicas")!.expr).toBe(
      'kube_horizontalpodautoscaler_status_current_replicas{namespace="shop",horizontalpodautoscaler=~"checkout-v1|checkout-v2"} >= kube_horizontalpodautoscaler_spec_max_replicas{namespace="shop",horizontalpodautoscaler=~"checkout-v1|checkout-v2"}',
    );
    expect(serviceAlertRules(service(cacheSpec())).find((r) => r.alert === "PodsNotReady")!.expr).toContain('pod=~"(cache)-[0-9]+"');
  });

  it("labels every alert with its service, tenant, namespace and team for routing", () => {
    for (const rule of serviceAlertRules(service(checkoutSpec()))) {
      expect(rule.labels).toMatchObject({ service: "checkout", tenant: "shop", namespace: "shop", team: "shop-team" });
      expect(rule.annotations.summary).toMatch(/^shop\/checkout: /);
    }
  });

  it("writes only expressions that parse and use emitted metrics", () => {
    for (const spec of [checkoutSpec({ critical: true }), webSpec(), cacheSpec(), workerSpec()]) {
      for (const rule of serviceAlertRules(service(spec))) expect(promqlProblems(rule.expr), `${spec.name} ${rule.alert}`).toEqual([]);
    }
  });
});

describe("buildServicePrometheusRule", () => {
  it("puts the service's rule group into a PrometheusRule <service>-slo in its namespace", () => {
    const checkout = service(checkoutSpec());
    const rule = buildServicePrometheusRule(checkout)!;
    expect(rule.metadata).toMatchObject({ name: "checkout-slo", namespace: "shop" });
    expect(rule.spec.groups).toHaveLength(1);
    expect(rule.spec.groups![0]!.name).toBe("shop.checkout.slo");
    expect(rule.spec.groups![0]!.rules!.map((r) => r.alert)).toEqual(serviceRuleGroup(checkout).rules.map((r) => r.alert));
    expect(() => rule.validate()).not.toThrow();
  });

  it("is not rendered without the Prometheus Operator", () => {
    const model = observedModel("prod-us-west-2", { scraping: "annotations" }, [checkoutSpec()]);
    expect(buildServicePrometheusRule(model.services[0]!)).toBeUndefined();
  });
});
