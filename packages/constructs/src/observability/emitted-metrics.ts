/** Where a metric the platform emits comes from. */
export type MetricSource = "istio" | "kube-state-metrics" | "cadvisor" | "prometheus";

/**
 * Every metric the platform emits and its dashboards and alerts may use, by name. A PromQL expression that names
 * another metric is refused at render time: a dashboard or alert over a series that never exists stays silent.
 *
 * - `istio`: the Istio proxy's standard metrics (every sidecar, scraped on port 15090); histograms as their
 *   `_bucket`, `_sum` and `_count` series.
 * - `kube-state-metrics`: the object state kube-prometheus-stack's kube-state-metrics (v2) exports.
 * - `cadvisor`: container usage from the kubelet's cAdvisor endpoint.
 * - `prometheus`: `up`, which Prometheus writes for every target it scrapes.
 *
 * Adding a metric here means the platform really emits it: say where from in the same change.
 */
export const EMITTED_METRICS: Readonly<Record<string, MetricSource>> = Object.fromEntries([
  ...[
    "istio_requests_total",
    ...histogram("istio_request_duration_milliseconds"),
    ...histogram("istio_request_bytes"),
    ...histogram("istio_response_bytes"),
    "istio_request_messages_total",
    "istio_response_messages_total",
    "istio_tcp_sent_bytes_total",
    "istio_tcp_received_bytes_total",
    "istio_tcp_connections_opened_total",
    "istio_tcp_connections_closed_total",
  ].map((name) => [name, "istio"] as const),
  ...[
    "kube_deployment_spec_replicas",
    "kube_deployment_status_replicas_available",
    "kube_deployment_status_replicas_unavailable",
    "kube_horizontalpodautoscaler_spec_max_replicas",
    "kube_horizontalpodautoscaler_spec_min_replicas",
    "kube_horizontalpodautoscaler_status_current_replicas",
    "kube_horizontalpodautoscaler_status_desired_replicas",
    "kube_node_status_allocatable",
    "kube_node_status_capacity",
    "kube_pod_container_resource_limits",
    "kube_pod_container_resource_requests",
    "kube_pod_container_status_restarts_total",
    "kube_pod_status_phase",
    "kube_pod_status_ready",
    "kube_statefulset_replicas",
    "kube_statefulset_status_replicas_ready",
  ].map((name) => [name, "kube-state-metrics"] as const),
  ...[
    "container_cpu_cfs_periods_total",
    "container_cpu_cfs_throttled_periods_total",
    "container_cpu_usage_seconds_total",
    "container_memory_working_set_bytes",
  ].map((name) => [name, "cadvisor"] as const),
  ["up", "prometheus"] as const,
]);

function histogram(name: string): string[] {
  return [`${name}_bucket`, `${name}_count`, `${name}_sum`];
}

/** Whether the platform emits a metric of this name. */
export function isEmittedMetric(name: string): boolean {
  return Object.hasOwn(EMITTED_METRICS, name);
}
