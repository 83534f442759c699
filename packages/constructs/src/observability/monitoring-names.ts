/** The namespace of the monitoring add-on (kube-prometheus-stack): Prometheus, Alertmanager, Grafana. */
export const MONITORING_NAMESPACE = "monitoring";

/** The port of the Istio proxy's own Prometheus endpoint (`/stats/prometheus`), declared on the injected container. */
export const ENVOY_STATS_PORT = 15090;
/** The name the Istio injector gives that port. */
export const ENVOY_STATS_PORT_NAME = "http-envoy-prom";
/** The path of the proxy's metrics. */
export const ENVOY_STATS_PATH = "/stats/prometheus";
/** The Istio agent's port: with metrics merging (Istio's default) it serves the proxy's and the application's metrics. */
export const ISTIO_AGENT_PORT = 15020;

/** The label the Grafana sidecar looks for on dashboard ConfigMaps, and its value. */
export const GRAFANA_DASHBOARD_LABEL = { grafana_dashboard: "1" } as const;
/** The annotation naming the Grafana folder a dashboard goes into (the sidecar's `folderAnnotation`). */
export const GRAFANA_FOLDER_ANNOTATION = "grafana_folder";
/** The Grafana folder of the platform-wide dashboards. */
export const PLATFORM_DASHBOARD_FOLDER = "platform";

/**
 * Where Prometheus finds the Istio workload certificates it scrapes application ports with (STRICT mutual TLS):
 * Istio's documented setup, an `OUTPUT_CERTS` sidecar on the Prometheus pod writing into this folder.
 */
export const PROMETHEUS_ISTIO_CERTS = "/etc/prom-certs";

/**
 * Prometheus's in-cluster address: the `kube-prometheus-stack` release's Prometheus Service in the monitoring
 * namespace (the chart names it `<release>-prometheus`). Argo Rollouts' analyses query it.
 */
export const PROMETHEUS_URL = `http://kube-prometheus-stack-prometheus.${MONITORING_NAMESPACE}.svc.cluster.local:9090`;
