import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { buildPrometheusConfigMap, promqlProblems, serviceRuleGroup } from "../../src/index.ts";
import { observedModel } from "./observability-fixtures.ts";

type PrometheusYaml = {
  rule_files: string[];
  scrape_configs: { job_name: string; relabel_configs?: { source_labels: string[]; action: string; regex?: string }[] }[];
};
type AlertsYaml = { groups: { name: string; rules: { alert: string; expr: string }[] }[] };

describe("buildPrometheusConfigMap", () => {
  const model = observedModel("dev", { scraping: "annotations" });
  const map = buildPrometheusConfigMap(model)!;

  it("is the source document's prometheus-config in monitoring, rendered only without the operator", () => {
    expect(map.metadata).toMatchObject({ name: "prometheus-config", namespace: "monitoring" });
    expect(Object.keys(map.data!)).toEqual(["prometheus.yml", "alerts.yml"]);
    expect(buildPrometheusConfigMap(observedModel("dev"))).toBeUndefined();
    expect(() => map.validate()).not.toThrow();
  });

  it("keeps pods annotated prometheus.io/scrape: \"true\" in the kubernetes-pods job, and scrapes cAdvisor and kube-state-metrics", () => {
    const config = parse(map.data!["prometheus.yml"]!) as PrometheusYaml;
    expect(config.scrape_configs.map((c) => c.job_name)).toEqual(["kubernetes-pods", "kubernetes-cadvisor", "kube-state-metrics"]);
    expect(config.scrape_configs[0]!.relabel_configs![0]).toEqual({
      source_labels: ["__meta_kubernetes_pod_annotation_prometheus_io_scrape"],
      action: "keep",
      regex: "true",
    });
    expect(config.rule_files).toEqual(["/etc/prometheus/alerts.yml"]);
  });

  it("holds every service's SLO rules, as the PrometheusRules would", () => {
    const alerts = parse(map.data!["alerts.yml"]!) as AlertsYaml;
    expect(alerts.groups.map((g) => g.name)).toEqual(model.services.map((s) => serviceRuleGroup(s).name));
    for (const [i, service] of model.services.entries()) {
      expect(alerts.groups[i]!.rules.map((r) => r.alert)).toEqual(serviceRuleGroup(service).rules.map((r) => r.alert));
      for (const rule of alerts.groups[i]!.rules) expect(promqlProblems(rule.expr)).toEqual([]);
    }
  });
});
