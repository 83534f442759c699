import type { ResolvedService } from "@cloudlab/model";

/**
 * The `prometheus.io/*` pod annotations the `kubernetes-pods` scrape job keeps (annotations mode only; none with the
 * Prometheus Operator). Every pod is marked `scrape: "true"`; a service with its own metrics endpoint names its port
 * and path too. Istio's metrics merging (on by default) then rewrites them to the agent's port 15020, which serves
 * the proxy's metrics and the application's together, in plain HTTP outside mutual TLS.
 */
export function scrapeAnnotations(service: ResolvedService): Record<string, string> {
  if (service.observability.scraping !== "annotations") return {};
  const metrics = service.observability.metrics;
  return {
    "prometheus.io/scrape": "true",
    ...(metrics === undefined ? {} : { "prometheus.io/port": String(metrics.port.targetPort), "prometheus.io/path": metrics.path }),
  };
}
