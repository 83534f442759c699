import type { ResolvedService, ResolvedTenant } from "@cloudlab/model";
import { AuthorizationPolicy } from "@kubernetes-models/istio/security.istio.io/v1beta1/AuthorizationPolicy";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { serviceLabels, serviceSelector, tenantLabels } from "../labels.ts";
import { ENVOY_STATS_PORT, ISTIO_AGENT_PORT, MONITORING_NAMESPACE } from "./monitoring-names.ts";

const fromMonitoring = [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": MONITORING_NAMESPACE } } }];

/**
 * Lets Prometheus (in `monitoring`) reach every pod of the tenant on the Istio proxy's metrics port (15090) and the
 * agent's merged-metrics port (15020). The tenant denies all ingress by default, so without it nothing is scraped.
 */
export function buildScrapeNetworkPolicy(tenant: ResolvedTenant): NetworkPolicy {
  return new NetworkPolicy({
    metadata: { name: "allow-prometheus-scrape", namespace: tenant.name, labels: tenantLabels(tenant) },
    spec: {
      podSelector: {},
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: fromMonitoring,
          ports: [
            { protocol: "TCP", port: ENVOY_STATS_PORT },
            { protocol: "TCP", port: ISTIO_AGENT_PORT },
          ],
        },
      ],
    },
  });
}

/** Whether Prometheus scrapes the service's own port (its metrics endpoint, with the Prometheus Operator). */
function scrapesApplicationPort(service: ResolvedService): boolean {
  return service.observability.metrics !== undefined && service.observability.scraping === "operator";
}

/** Lets Prometheus reach the service's metrics port (`<service>-metrics`); `undefined` when it does not scrape it. */
export function buildMetricsNetworkPolicy(service: ResolvedService): NetworkPolicy | undefined {
  if (!scrapesApplicationPort(service)) return undefined;
  return new NetworkPolicy({
    metadata: { name: `${service.name}-metrics`, namespace: service.tenant, labels: serviceLabels(service) },
    spec: {
      podSelector: { matchLabels: serviceSelector(service) },
      policyTypes: ["Ingress"],
      ingress: [{ from: fromMonitoring, ports: [{ protocol: "TCP", port: service.observability.metrics!.port.targetPort }] }],
    },
  });
}

/**
 * Allows `GET <path>` on the metrics port from the `monitoring` namespace's mesh identities (`<service>-metrics`): the
 * tenant denies every request no ALLOW policy matches. `undefined` when Prometheus does not scrape the port.
 */
export function buildMetricsAuthorizationPolicy(service: ResolvedService): AuthorizationPolicy | undefined {
  if (!scrapesApplicationPort(service)) return undefined;
  const metrics = service.observability.metrics!;
  return new AuthorizationPolicy({
    metadata: { name: `${service.name}-metrics`, namespace: service.tenant, labels: serviceLabels(service) },
    spec: {
      selector: { matchLabels: serviceSelector(service) },
      action: "ALLOW",
      rules: [
        {
          from: [{ source: { namespaces: [MONITORING_NAMESPACE] } }],
          to: [{ operation: { methods: ["GET"], paths: [metrics.path], ports: [String(metrics.port.targetPort)] } }],
        },
      ],
    },
  });
}
