export { MONITORING_NAMESPACE, PROMETHEUS_URL, ENVOY_STATS_PORT, ENVOY_STATS_PORT_NAME, ENVOY_STATS_PATH, ISTIO_AGENT_PORT, GRAFANA_DASHBOARD_LABEL, GRAFANA_FOLDER_ANNOTATION, PLATFORM_DASHBOARD_FOLDER, PROMETHEUS_ISTIO_CERTS } from "./monitoring-names.ts";
export { EMITTED_METRICS, isEmittedMetric, type MetricSource } from "./emitted-metrics.ts";
export { promqlProblems } from "./promql-check.ts";
export { expressionsOf, promqlProblemsOf, type ExpressionProblem, type FoundExpression, type PlainManifest } from "./promql-expressions.ts";
export * from "./service-queries.ts";
export {
  serviceAlertRules,
  serviceRuleGroup,
  urgentSeverity,
  FAST_BURN_WINDOWS,
  SLOW_BURN_WINDOWS,
  PODS_NOT_READY_MINUTES,
  HPA_AT_MAX_MINUTES,
  type AlertRule,
  type BurnRateWindow,
  type RuleGroup,
  type Severity,
} from "./slo-alert-rules.ts";
export { buildServicePrometheusRule } from "./prometheus-rule.ts";
export {
  buildDashboardConfigMap,
  canonicalJson,
  dashboardModel,
  dashboardUid,
  PROMETHEUS_DATASOURCE,
  type Dashboard,
  type DashboardConfigMapProps,
  type DashboardPanel,
  type DashboardQuery,
} from "./grafana-dashboard.ts";
export { clusterOverviewDashboard, istioMeshDashboard } from "./platform-dashboards.ts";
export { serviceDashboard } from "./service-dashboard.ts";
export { buildEnvoyPodMonitor, buildServiceMonitor, SCRAPE_INTERVAL } from "./scrape-monitors.ts";
export { buildScrapeNetworkPolicy, buildMetricsNetworkPolicy, buildMetricsAuthorizationPolicy } from "./scrape-access.ts";
export { scrapeAnnotations } from "./scrape-annotations.ts";
export { buildPrometheusConfigMap, PROMETHEUS_CONFIG_DIR, ALERTS_FILE } from "./prometheus-config.ts";
export { buildAlertmanagerConfigMap, ALERTMANAGER_SECRETS_DIR } from "./alertmanager-config-map.ts";
export {
  buildAlertmanagerConfig,
  repeatInterval,
  ALERT_GROUP_BY,
  PAGERDUTY_RECEIVER,
  SLACK_RECEIVER,
  PAGERDUTY_ROUTING_KEY,
  SLACK_WEBHOOK_URL,
} from "./alert-routing.ts";
export { buildLoadTestCronJob, buildLoadTestNetworkPolicy, loadTestName, loadTestUrl } from "./load-test.ts";
export { serviceObservabilityObjects, tenantObservabilityObjects, clusterObservabilityObjects } from "./observability-objects.ts";
export { ANALYSIS_INTERVAL, ANALYSIS_WINDOW, MINIMUM_REQUESTS, errorRatioThreshold, revisionErrorRatio, revisionLatencyP95, revisionMatchers } from "./rollout-analysis.ts";
