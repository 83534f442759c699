import type { EnvironmentModel, ResolvedEnvironment, ResolvedService, ResolvedTenant } from "@cloudlab/model";
import { PLATFORM_LABELS } from "../objects/ingress-gateway.ts";
import { serviceLabels } from "../labels.ts";
import type { ModelObject } from "../model-object.ts";
import { buildAlertmanagerConfig } from "./alert-routing.ts";
import { buildAlertmanagerConfigMap } from "./alertmanager-config-map.ts";
import { buildDashboardConfigMap, type Dashboard } from "./grafana-dashboard.ts";
import { buildLoadTestCronJob, buildLoadTestNetworkPolicy } from "./load-test.ts";
import { MONITORING_NAMESPACE, PLATFORM_DASHBOARD_FOLDER } from "./monitoring-names.ts";
import { clusterOverviewDashboard, istioMeshDashboard } from "./platform-dashboards.ts";
import { buildPrometheusConfigMap } from "./prometheus-config.ts";
import { buildServicePrometheusRule } from "./prometheus-rule.ts";
import { buildMetricsAuthorizationPolicy, buildMetricsNetworkPolicy, buildScrapeNetworkPolicy } from "./scrape-access.ts";
import { buildEnvoyPodMonitor, buildServiceMonitor } from "./scrape-monitors.ts";
import { serviceDashboard } from "./service-dashboard.ts";

function present(objects: readonly (ModelObject | undefined)[]): ModelObject[] {
  return objects.filter((o): o is ModelObject => o !== undefined);
}

/**
 * A service's observability objects, in its folder and namespace: its SLO alerts (PrometheusRule), its dashboard
 * (a ConfigMap in its namespace: the tenant's Argo CD project may only sync there; the Grafana sidecar reads every
 * namespace), the scraping of its own metrics endpoint, and the load test of an edge service.
 */
export function serviceObservabilityObjects(service: ResolvedService, environment: ResolvedEnvironment): ModelObject[] {
  return present([
    buildServicePrometheusRule(service),
    buildDashboardConfigMap({
      name: `grafana-dashboard-${service.name}`,
      namespace: service.tenant,
      labels: serviceLabels(service),
      folder: service.tenant,
      dashboard: serviceDashboard(service),
    }),
    buildServiceMonitor(service),
    buildMetricsNetworkPolicy(service),
    buildMetricsAuthorizationPolicy(service),
    buildLoadTestCronJob(service, environment),
    buildLoadTestNetworkPolicy(service, environment),
  ]);
}

/** A tenant's observability objects: the Istio proxy metrics' PodMonitor, Prometheus' way in, alert routing. */
export function tenantObservabilityObjects(tenant: ResolvedTenant, environment: ResolvedEnvironment): ModelObject[] {
  return present([buildScrapeNetworkPolicy(tenant), buildEnvoyPodMonitor(tenant, environment), buildAlertmanagerConfig(tenant, environment)]);
}

/**
 * The platform's observability objects in `monitoring`: the source document's two dashboards and, without the
 * Prometheus Operator, Prometheus' and Alertmanager's configuration.
 */
export function clusterObservabilityObjects(model: EnvironmentModel): ModelObject[] {
  const platformDashboard = (name: string, dashboard: Dashboard) =>
    buildDashboardConfigMap({ name, namespace: MONITORING_NAMESPACE, labels: PLATFORM_LABELS, folder: PLATFORM_DASHBOARD_FOLDER, dashboard });
  return present([
    platformDashboard("grafana-dashboard-cluster-overview", clusterOverviewDashboard()),
    platformDashboard("grafana-dashboard-istio-mesh", istioMeshDashboard()),
    buildPrometheusConfigMap(model),
    buildAlertmanagerConfigMap(model),
  ]);
}
