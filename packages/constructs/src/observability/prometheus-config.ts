import type { EnvironmentModel } from "@cloudlab/model";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { PLATFORM_LABELS } from "../objects/ingress-gateway.ts";
import { configYaml } from "./config-yaml.ts";
import { MONITORING_NAMESPACE } from "./monitoring-names.ts";
import { SCRAPE_INTERVAL } from "./scrape-monitors.ts";
import { serviceRuleGroup } from "./slo-alert-rules.ts";

/** Where Prometheus mounts the `prometheus-config` ConfigMap (the source document's layout). */
export const PROMETHEUS_CONFIG_DIR = "/etc/prometheus";
/** The alert rules' file in that ConfigMap. */
export const ALERTS_FILE = "alerts.yml";

const SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

/**
 * The scrape configuration: the source document's `kubernetes-pods` job (pods annotated `prometheus.io/scrape:
 * "true"`, at the port and path their annotations name), the kubelets' cAdvisor (`container_*`) and
 * kube-state-metrics (`kube_*`), the metrics the dashboards and alerts use.
 */
function prometheusYaml(): string {
  return configYaml({
    global: { scrape_interval: SCRAPE_INTERVAL, evaluation_interval: SCRAPE_INTERVAL },
    rule_files: [`${PROMETHEUS_CONFIG_DIR}/${ALERTS_FILE}`],
    alerting: { alertmanagers: [{ static_configs: [{ targets: [`alertmanager.${MONITORING_NAMESPACE}.svc.cluster.local:9093`] }] }] },
    scrape_configs: [
      {
        job_name: "kubernetes-pods",
        kubernetes_sd_configs: [{ role: "pod" }],
        relabel_configs: [
          { source_labels: ["__meta_kubernetes_pod_annotation_prometheus_io_scrape"], action: "keep", regex: "true" },
          { source_labels: ["__meta_kubernetes_pod_annotation_prometheus_io_path"], action: "replace", target_label: "__metrics_path__", regex: "(.+)" },
          {
            source_labels: ["__address__", "__meta_kubernetes_pod_annotation_prometheus_io_port"],
            action: "replace",
            regex: "([^:]+)(?::\\d+)?;(\\d+)",
            replacement: "$1:$2",
            target_label: "__address__",
          },
          { source_labels: ["__meta_kubernetes_namespace"], action: "replace", target_label: "namespace" },
          { source_labels: ["__meta_kubernetes_pod_name"], action: "replace", target_label: "pod" },
          { source_labels: ["__meta_kubernetes_pod_label_app_kubernetes_io_name"], action: "replace", target_label: "app" },
        ],
      },
      {
        job_name: "kubernetes-cadvisor",
        scheme: "https",
        metrics_path: "/metrics/cadvisor",
        kubernetes_sd_configs: [{ role: "node" }],
        tls_config: { ca_file: `${SERVICE_ACCOUNT_DIR}/ca.crt`, insecure_skip_verify: true },
        authorization: { credentials_file: `${SERVICE_ACCOUNT_DIR}/token` },
      },
      {
        job_name: "kube-state-metrics",
        static_configs: [{ targets: [`kube-state-metrics.${MONITORING_NAMESPACE}.svc.cluster.local:8080`] }],
      },
    ],
  });
}

/** Every service's SLO rule group, in the order of the model (tenant, then name). */
function alertsYaml(model: EnvironmentModel): string {
  const groups = model.services.map(serviceRuleGroup).map((group) => ({
    name: group.name,
    rules: group.rules.map((rule) => ({ alert: rule.alert, expr: rule.expr, for: rule.for, labels: rule.labels, annotations: rule.annotations })),
  }));
  return configYaml({ groups });
}

/**
 * The source document's `prometheus-config` ConfigMap, for clusters without the Prometheus Operator (`scraping:
 * "annotations"`): `prometheus.yml` and, beside it, `alerts.yml` with every service's SLO rules (what the
 * PrometheusRules hold with the operator). `undefined` with the operator.
 */
export function buildPrometheusConfigMap(model: EnvironmentModel): ConfigMap | undefined {
  if (model.environment.observability.scraping !== "annotations") return undefined;
  return new ConfigMap({
    metadata: { name: "prometheus-config", namespace: MONITORING_NAMESPACE, labels: { ...PLATFORM_LABELS } },
    data: { "prometheus.yml": prometheusYaml(), [ALERTS_FILE]: alertsYaml(model) },
  });
}
