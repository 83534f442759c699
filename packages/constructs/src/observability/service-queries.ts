import type { ResolvedService } from "@cloudlab/model";

/** A label matcher of a PromQL selector. */
export type LabelMatcher = readonly [name: string, op: "=" | "!=" | "=~" | "!~", value: string];

/** `metric{a="b",c=~"d"}`; values are quoted as PromQL (and JSON) strings. */
export function selector(metric: string, matchers: readonly LabelMatcher[]): string {
  if (matchers.length === 0) return metric;
  return `${metric}{${matchers.map(([name, op, value]) => `${name}${op}${JSON.stringify(value)}`).join(",")}}`;
}

/**
 * The gRPC status codes that are the server's fault (UNKNOWN, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL,
 * UNAVAILABLE, DATA_LOSS): a gRPC failure answers HTTP 200, so `response_code` alone misses it.
 */
export const GRPC_SERVER_ERRORS = "2|4|12|13|14|15";

/** Whether the service answers requests the Istio proxy measures (an http, http2 or grpc port). */
export function hasRequestMetrics(service: ResolvedService): boolean {
  return service.ports.some((p) => p.protocol !== "tcp");
}

/** The requests the service's own sidecars report receiving (`reporter="destination"`). */
export function requestMatchers(service: ResolvedService): LabelMatcher[] {
  return [
    ["reporter", "=", "destination"],
    ["destination_service_namespace", "=", service.tenant],
    ["destination_service_name", "=", service.name],
  ];
}

/** Requests per second over a window. */
export function requestRate(service: ResolvedService, window: string): string {
  return `sum(rate(${selector("istio_requests_total", requestMatchers(service))}[${window}]))`;
}

/**
 * Server errors per second over a window: HTTP 5xx, or a gRPC server-side status. `or` keeps a series matching both
 * (a 503 carrying UNAVAILABLE) once.
 */
export function errorRate(service: ResolvedService, window: string): string {
  const base = requestMatchers(service);
  const http = selector("istio_requests_total", [...base, ["response_code", "=~", "5.."]]);
  const grpc = selector("istio_requests_total", [...base, ["grpc_response_status", "=~", GRPC_SERVER_ERRORS]]);
  return `sum(rate(${http}[${window}]) or rate(${grpc}[${window}]))`;
}

/** The share of requests that failed over a window (0 to 1; no value without requests). */
export function errorRatio(service: ResolvedService, window: string): string {
  return `${errorRate(service, window)} / ${requestRate(service, window)}`;
}

/** A quantile of the request duration in milliseconds, from the proxy's histogram. */
export function durationQuantile(service: ResolvedService, quantile: number, window = "5m"): string {
  const buckets = selector("istio_request_duration_milliseconds_bucket", requestMatchers(service));
  return `histogram_quantile(${quantile}, sum by (le) (rate(${buckets}[${window}])))`;
}

/** The names of the service's workloads (one per version), as a regex alternation. */
function workloadAlternation(service: ResolvedService): string {
  return service.versions.map((v) => v.workloadName).join("|");
}

/**
 * The service's pods by name: a Deployment's are `<workload>-<replicaset hash>-<suffix>`, a StatefulSet's
 * `<workload>-<ordinal>`. Exact (PromQL regexes are anchored, and neither part contains `-`), so another service whose
 * name starts with this one's is not matched.
 */
export function podPattern(service: ResolvedService): string {
  const suffix = service.workload === "stateful" ? "[0-9]+" : "[a-z0-9]+-[a-z0-9]+";
  return `(${workloadAlternation(service)})-${suffix}`;
}

/** The service's application containers (cAdvisor and kube-state-metrics label them by namespace, pod, container). */
export function containerMatchers(service: ResolvedService): LabelMatcher[] {
  return [
    ["namespace", "=", service.tenant],
    ["pod", "=~", podPattern(service)],
    ["container", "=", service.containerName],
  ];
}

/** CPU used by the service's containers as a share of what they request. */
export function cpuOfRequests(service: ResolvedService, window = "5m"): string {
  const used = selector("container_cpu_usage_seconds_total", containerMatchers(service));
  const requested = selector("kube_pod_container_resource_requests", [...containerMatchers(service), ["resource", "=", "cpu"]]);
  return `sum(rate(${used}[${window}])) / sum(${requested})`;
}

/** Memory in use (working set) by the service's containers as a share of what they request. */
export function memoryOfRequests(service: ResolvedService): string {
  const used = selector("container_memory_working_set_bytes", containerMatchers(service));
  const requested = selector("kube_pod_container_resource_requests", [...containerMatchers(service), ["resource", "=", "memory"]]);
  return `sum(${used}) / sum(${requested})`;
}

/** The number of the service's pods that are not ready. */
export function podsNotReady(service: ResolvedService): string {
  const pods = [["namespace", "=", service.tenant], ["pod", "=~", podPattern(service)], ["condition", "=", "false"]] as const;
  return `sum(${selector("kube_pod_status_ready", pods)})`;
}

/** The matchers of the service's HPAs (one per version; named after the workload). */
export function hpaMatchers(service: ResolvedService): LabelMatcher[] {
  return [
    ["namespace", "=", service.tenant],
    ["horizontalpodautoscaler", "=~", workloadAlternation(service)],
  ];
}

/** A kube-state-metrics series of the service's workloads (`deployment` or `statefulset` label). */
export function workloadMatchers(service: ResolvedService): LabelMatcher[] {
  const label = service.workload === "stateful" ? "statefulset" : "deployment";
  return [
    ["namespace", "=", service.tenant],
    [label, "=~", workloadAlternation(service)],
  ];
}

/** A number as PromQL writes it, without binary floating-point noise (`1 - 0.999` is `0.001`). */
export function decimal(value: number): string {
  return String(Number(value.toPrecision(12)));
}
