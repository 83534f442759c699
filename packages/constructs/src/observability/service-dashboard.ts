import type { ResolvedService } from "@cloudlab/model";
import { dashboardUid, type Dashboard, type DashboardPanel } from "./grafana-dashboard.ts";
import {
  cpuOfRequests,
  decimal,
  durationQuantile,
  errorRatio,
  hasRequestMetrics,
  hpaMatchers,
  memoryOfRequests,
  requestRate,
  selector,
  workloadMatchers,
} from "./service-queries.ts";

/** Rate, errors and duration (p50/p95/p99 against the objective), from the service's sidecars. */
function redPanels(service: ResolvedService): DashboardPanel[] {
  const { slo } = service.observability;
  return [
    { title: "Request rate", type: "timeseries", unit: "reqps", queries: [{ expr: requestRate(service, "5m"), legendFormat: "requests/s" }] },
    {
      title: "Error ratio",
      type: "timeseries",
      unit: "percentunit",
      description: `Server errors (HTTP 5xx, gRPC server-side statuses) as a share of requests; alert above ${decimal(slo.errorRatioPercent)} %.`,
      threshold: Number(decimal(slo.errorRatioPercent / 100)),
      queries: [{ expr: errorRatio(service, "5m"), legendFormat: "errors" }],
    },
    {
      title: "Request duration",
      type: "timeseries",
      unit: "ms",
      description: `p95 objective: ${slo.latencyP95Milliseconds} ms.`,
      threshold: slo.latencyP95Milliseconds,
      queries: [
        { expr: durationQuantile(service, 0.5), legendFormat: "p50" },
        { expr: durationQuantile(service, 0.95), legendFormat: "p95" },
        { expr: durationQuantile(service, 0.99), legendFormat: "p99" },
      ],
    },
  ];
}

/** CPU and memory used against what the containers request (the HPA's CPU target is a share of the same request). */
function saturationPanels(service: ResolvedService): DashboardPanel[] {
  const cpuTarget = service.scaling.kind === "autoscaled" ? service.scaling.cpuTargetPercent / 100 : undefined;
  return [
    {
      title: "CPU of requests",
      type: "timeseries",
      unit: "percentunit",
      description: cpuTarget === undefined ? "CPU used by the service's containers as a share of their requests." : `CPU used as a share of requests; the HPA targets ${decimal(cpuTarget * 100)} %.`,
      ...(cpuTarget === undefined ? {} : { threshold: cpuTarget }),
      queries: [{ expr: cpuOfRequests(service), legendFormat: "cpu" }],
    },
    {
      title: "Memory of requests",
      type: "timeseries",
      unit: "percentunit",
      description: "Working-set memory of the service's containers as a share of their requests.",
      queries: [{ expr: memoryOfRequests(service), legendFormat: "memory" }],
    },
  ];
}

/** HPA replicas (current, desired, bounds) for an autoscaled service; ready against wanted replicas otherwise. */
function replicasPanel(service: ResolvedService): DashboardPanel {
  if (service.scaling.kind === "autoscaled") {
    const hpa = (metric: string) => `sum(${selector(metric, hpaMatchers(service))})`;
    return {
      title: "HPA replicas",
      type: "timeseries",
      unit: "short",
      queries: [
        { expr: hpa("kube_horizontalpodautoscaler_status_current_replicas"), legendFormat: "current" },
        { expr: hpa("kube_horizontalpodautoscaler_status_desired_replicas"), legendFormat: "desired" },
        { expr: hpa("kube_horizontalpodautoscaler_spec_min_replicas"), legendFormat: "min" },
        { expr: hpa("kube_horizontalpodautoscaler_spec_max_replicas"), legendFormat: "max" },
      ],
    };
  }
  const [ready, wanted] =
    service.workload === "stateful"
      ? ["kube_statefulset_status_replicas_ready", "kube_statefulset_replicas"]
      : ["kube_deployment_status_replicas_available", "kube_deployment_spec_replicas"];
  return {
    title: "Replicas",
    type: "timeseries",
    unit: "short",
    queries: [
      { expr: `sum(${selector(ready, workloadMatchers(service))})`, legendFormat: "ready" },
      { expr: `sum(${selector(wanted, workloadMatchers(service))})`, legendFormat: "wanted" },
    ],
  };
}

/**
 * A service's dashboard: RED (request rate, error ratio, p50/p95/p99 duration from
 * `istio_request_duration_milliseconds_bucket`) when its sidecar measures requests, then saturation (CPU and memory
 * against requests) and replicas (the HPA's when autoscaled).
 */
export function serviceDashboard(service: ResolvedService): Dashboard {
  return {
    uid: dashboardUid(`${service.tenant}-${service.name}`),
    title: `${service.tenant} / ${service.name}`,
    tags: ["cloudlab", "service", service.tenant],
    panels: [...(hasRequestMetrics(service) ? redPanels(service) : []), ...saturationPanels(service), replicasPanel(service)],
  };
}
