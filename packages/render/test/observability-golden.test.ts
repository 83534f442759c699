import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Sourced, EnvironmentSpec, ObservabilitySettingsSpec } from "@cloudlab/model";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { synthesize } from "../src/index.ts";
import { cacheSpec, checkoutSpec, fixtureEnvironments, fixturePlatform, manifestAt, sourcedService, webSpec } from "./fixtures.ts";

/**
 * Golden files of the observability objects, under test/golden/observability/<env>/…: the fixture platform with `web`
 * at the edge serving its own metrics, dev scraping by annotations (no operator), staging with the load test, prod
 * with the defaults. After an intended change, regenerate with `npx vitest run -u` and review the diff.
 */
const SETTINGS: Readonly<Record<string, ObservabilitySettingsSpec>> = {
  dev: { scraping: "annotations" },
  staging: { loadTest: { enabled: true } },
};

function environments(): Sourced<EnvironmentSpec>[] {
  return fixtureEnvironments().map((e) => (SETTINGS[e.spec.name] === undefined ? e : { ...e, spec: { ...e.spec, observability: SETTINGS[e.spec.name] } }));
}

const web = webSpec({ ingress: { hosts: ["shop.example"] }, observability: { metrics: { port: "http" }, slo: { latencyP95Milliseconds: 250 } } });
const synthesis = synthesize(
  fixturePlatform({
    services: [sourcedService(checkoutSpec({ critical: true })), sourcedService(web), sourcedService(cacheSpec())],
    environments: environments(),
  }),
);

/**
 * The golden files: every observability object of prod (the operator), what differs in dev (the annotations mode's
 * ConfigMaps and pod annotations) and staging's load test.
 */
const GOLDEN_FILES = [
  /^prod-us-west-2\/.*\/(prometheusrule-|podmonitor-|servicemonitor-|alertmanagerconfig-|configmap-grafana-dashboard-|networkpolicy-(allow-prometheus-scrape|web-metrics)|authorizationpolicy-web-metrics)/,
  /^dev\/_cluster\/configmap-(prometheus|alertmanager)-config\.yaml$/,
  /^dev\/storefront\/web\/deployment-web\.yaml$/,
  /^staging\/.*\/(cronjob|networkpolicy)-loadtest-/,
];
const files = synthesis.files.filter((f) => GOLDEN_FILES.some((pattern) => pattern.test(f.path)));
const GOLDEN = fileURLToPath(new URL("./golden/observability/", import.meta.url));

describe("observability golden files", () => {
  it("render without errors", () => {
    expect(synthesis.specErrors).toEqual([]);
    expect(synthesis.renderProblems).toEqual([]);
    expect(files.length).toBeGreaterThan(15);
  });

  for (const file of files) {
    it(`matches golden/observability/${file.path}`, async () => {
      await expect(file.content).toMatchFileSnapshot(`./golden/observability/${file.path}`);
    });
  }

  it("has no golden file that is no longer rendered", () => {
    const walk = (dir: string, prefix = ""): string[] =>
      existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(`${dir}${d.name}/`, `${prefix}${d.name}/`) : [`${prefix}${d.name}`])) : [];
    const rendered = new Set(files.map((f) => f.path));
    expect(walk(GOLDEN).filter((path) => !rendered.has(path))).toEqual([]);
  });
});

describe("what the observability golden files say", () => {
  const all = synthesis.files;

  it("prod: PrometheusRules page for the critical checkout and warn for web, with web's own 250 ms objective", () => {
    const rules = (path: string) => manifestAt(all, path).spec!.groups[0].rules as { alert: string; expr: string; labels: { severity: string } }[];
    const checkout = rules("prod-us-west-2/shop/checkout/prometheusrule-checkout-slo.yaml");
    expect(checkout.find((r) => r.alert === "SLOErrorBudgetBurnFast")!.labels.severity).toBe("critical");
    const latency = rules("prod-us-west-2/storefront/web/prometheusrule-web-slo.yaml").find((r) => r.alert === "SLOLatencyP95High")!;
    expect([latency.labels.severity, latency.expr.endsWith("> 250")]).toEqual(["warning", true]);
  });

  it("prod: the tenant's proxies are scraped by a PodMonitor, web's own endpoint by a ServiceMonitor; alerts route per tenant", () => {
    expect(all.some((f) => f.path === "prod-us-west-2/shop/_tenant/podmonitor-envoy-stats.yaml")).toBe(true);
    expect(all.some((f) => f.path === "prod-us-west-2/storefront/web/servicemonitor-web.yaml")).toBe(true);
    expect(manifestAt(all, "prod-us-west-2/storefront/_tenant/alertmanagerconfig-alert-routing.yaml").spec!.route.repeatInterval).toBe("15m");
    expect(all.some((f) => f.path.startsWith("prod-us-west-2/") && f.path.includes("prometheus-config"))).toBe(false);
  });

  it("dev: no operator objects; prometheus-config holds the rules and the pods carry prometheus.io annotations", () => {
    expect(all.filter((f) => f.path.startsWith("dev/") && /prometheusrule|podmonitor|servicemonitor|alertmanagerconfig/.test(f.path))).toEqual([]);
    const config = manifestAt(all, "dev/_cluster/configmap-prometheus-config.yaml") as unknown as { data: Record<string, string> };
    const groups = (parse(config.data["alerts.yml"]!) as { groups: { name: string }[] }).groups.map((g) => g.name);
    expect(groups).toEqual(["shop.cache.slo", "shop.checkout.slo", "storefront.web.slo"]);
    expect(manifestAt(all, "dev/storefront/web/deployment-web.yaml").spec!.template.metadata.annotations).toMatchObject({
      "prometheus.io/scrape": "true",
      "prometheus.io/port": "8080",
      "prometheus.io/path": "/metrics",
    });
  });

  it("staging only: the load test of the edge service, in its tenant", () => {
    expect(all.filter((f) => f.path.includes("loadtest")).map((f) => f.path)).toEqual([
      "staging/storefront/web/cronjob-loadtest-web.yaml",
      "staging/storefront/web/networkpolicy-loadtest-web.yaml",
    ]);
  });

  it("dashboards are valid JSON in every environment", () => {
    const dashboards = all.filter((f) => f.path.includes("configmap-grafana-dashboard-"));
    expect(dashboards.length).toBe(4 * 5);
    for (const file of dashboards) {
      const data = (parse(file.content) as { data: Record<string, string> }).data;
      for (const text of Object.values(data)) expect(() => JSON.parse(text), file.path).not.toThrow();
    }
  });
});
