import type { ResolvedEnvironment, ResolvedService, ResolvedTenant } from "@cloudlab/model";
import { PodMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor";
import { ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor";
import { MANAGED_BY, serviceLabels, serviceSelector, tenantLabels } from "../labels.ts";
import { istioPortName } from "../objects/kube-service.ts";
import { ENVOY_STATS_PATH, ENVOY_STATS_PORT_NAME, PROMETHEUS_ISTIO_CERTS } from "./monitoring-names.ts";

/** How often Prometheus scrapes the platform's targets. */
export const SCRAPE_INTERVAL = "15s";

/**
 * The Istio proxy metrics of every pod of a tenant's services (the `istio_*` series the SLO alerts and dashboards
 * read): a PodMonitor on the injected container's `http-envoy-prom` port (15090), `/stats/prometheus`. The proxy
 * serves it itself, outside the mesh's mutual TLS, so Prometheus needs no certificate. `undefined` without the
 * Prometheus Operator (the `kubernetes-pods` job of `prometheus-config` scrapes the pods instead).
 */
export function buildEnvoyPodMonitor(tenant: ResolvedTenant, environment: ResolvedEnvironment): PodMonitor | undefined {
  if (environment.observability.scraping !== "operator") return undefined;
  return new PodMonitor({
    metadata: { name: "envoy-stats", namespace: tenant.name, labels: tenantLabels(tenant) },
    spec: {
      jobLabel: "app.kubernetes.io/name",
      namespaceSelector: { matchNames: [tenant.name] },
      selector: { matchLabels: { "app.kubernetes.io/part-of": tenant.name, ...MANAGED_BY } },
      podMetricsEndpoints: [{ port: ENVOY_STATS_PORT_NAME, path: ENVOY_STATS_PATH, interval: SCRAPE_INTERVAL }],
    },
  });
}

/**
 * The application's own metrics endpoint (`observability.metrics`), scraped through its Service's port. The port is
 * behind the sidecar with mutual TLS STRICT, so Prometheus scrapes over HTTPS with its Istio certificates (Istio's
 * documented setup: the monitoring add-on writes them to /etc/prom-certs). `undefined` for a service without an
 * endpoint, or without the Prometheus Operator (pod annotations and Istio's metrics merging do it then).
 */
export function buildServiceMonitor(service: ResolvedService): ServiceMonitor | undefined {
  const metrics = service.observability.metrics;
  if (metrics === undefined || service.observability.scraping !== "operator") return undefined;
  return new ServiceMonitor({
    metadata: { name: service.name, namespace: service.tenant, labels: serviceLabels(service) },
    spec: {
      namespaceSelector: { matchNames: [service.tenant] },
      selector: { matchLabels: serviceSelector(service) },
      endpoints: [
        {
          port: istioPortName(metrics.port),
          path: metrics.path,
          interval: SCRAPE_INTERVAL,
          scheme: "https",
          tlsConfig: {
            caFile: `${PROMETHEUS_ISTIO_CERTS}/root-cert.pem`,
            certFile: `${PROMETHEUS_ISTIO_CERTS}/cert-chain.pem`,
            keyFile: `${PROMETHEUS_ISTIO_CERTS}/key.pem`,
            // Istio certificates name a SPIFFE identity, not a host name.
            insecureSkipVerify: true,
          },
        },
      ],
    },
  });
}
