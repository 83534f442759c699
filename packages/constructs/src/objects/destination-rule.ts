import type { ResolvedService } from "@cloudlab/model";
import { DestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1beta1/DestinationRule";
import { serviceLabels } from "../labels.ts";
import { serviceHost } from "./mesh-names.ts";

/**
 * The service's DestinationRule: a subset per running version, mutual TLS (ISTIO_MUTUAL), the circuit breaker
 * (connection pool and outlier detection) and locality-aware load balancing.
 */
export function buildDestinationRule(service: ResolvedService): DestinationRule {
  const { connectionPool, outlierDetection } = service.traffic;
  return new DestinationRule({
    metadata: { name: service.name, namespace: service.tenant, labels: serviceLabels(service) },
    spec: {
      host: serviceHost(service),
      trafficPolicy: {
        tls: { mode: "ISTIO_MUTUAL" },
        connectionPool: {
          tcp: { maxConnections: connectionPool.maxConnections },
          http: { http1MaxPendingRequests: connectionPool.http1MaxPendingRequests, http2MaxRequests: connectionPool.http2MaxRequests },
        },
        outlierDetection: {
          consecutive5xxErrors: outlierDetection.consecutive5xxErrors,
          interval: outlierDetection.interval,
          baseEjectionTime: outlierDetection.baseEjectionTime,
          maxEjectionPercent: outlierDetection.maxEjectionPercent,
        },
        loadBalancer: { simple: "LEAST_REQUEST", localityLbSetting: { enabled: true } },
      },
      subsets: service.versions.map((v) => ({ name: v.name, labels: { version: v.name } })),
    },
  });
}
