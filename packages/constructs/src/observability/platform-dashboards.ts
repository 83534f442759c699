import type { Dashboard } from "./grafana-dashboard.ts";

/**
 * The source document's "Kubernetes Cluster Overview": the cluster's CPU usage (cores used by containers, as a share
 * of what the nodes can allocate) and how the pods are distributed over their phases.
 */
export function clusterOverviewDashboard(): Dashboard {
  return {
    uid: "cloudlab-cluster-overview",
    title: "Kubernetes Cluster Overview",
    tags: ["cloudlab", "kubernetes"],
    panels: [
      {
        title: "Cluster CPU Usage",
        type: "timeseries",
        unit: "percentunit",
        description: "CPU used by all containers (cAdvisor) as a share of the CPU the nodes can allocate.",
        queries: [
          {
            expr: 'sum(rate(container_cpu_usage_seconds_total{container!="",image!=""}[5m])) / sum(kube_node_status_allocatable{resource="cpu"})',
            legendFormat: "cluster",
          },
        ],
      },
      {
        title: "Pod Status Distribution",
        type: "piechart",
        unit: "short",
        description: "Pods by phase (kube-state-metrics).",
        queries: [{ expr: "sum by (phase) (kube_pod_status_phase)", legendFormat: "{{phase}}" }],
      },
    ],
  };
}

/**
 * The source document's "Istio Service Mesh Metrics": the request rate and the 95th-percentile response time of every
 * service in the mesh, as their sidecars report them.
 */
export function istioMeshDashboard(): Dashboard {
  return {
    uid: "cloudlab-istio-mesh",
    title: "Istio Service Mesh Metrics",
    tags: ["cloudlab", "istio"],
    panels: [
      {
        title: "Request Rate",
        type: "timeseries",
        unit: "reqps",
        description: "Requests per second received by each service.",
        queries: [
          {
            expr: 'sum by (destination_service_namespace, destination_service_name) (rate(istio_requests_total{reporter="destination"}[5m]))',
            legendFormat: "{{destination_service_namespace}}/{{destination_service_name}}",
          },
        ],
      },
      {
        title: "Response Time (95th percentile)",
        type: "timeseries",
        unit: "ms",
        description: "The 95th percentile of each service's request duration (objective: under 100 ms).",
        threshold: 100,
        queries: [
          {
            expr: 'histogram_quantile(0.95, sum by (le, destination_service_namespace, destination_service_name) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[5m])))',
            legendFormat: "{{destination_service_namespace}}/{{destination_service_name}}",
          },
        ],
      },
    ],
  };
}
