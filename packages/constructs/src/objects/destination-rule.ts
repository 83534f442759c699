import type { ResolvedEnvironment, ResolvedService } from "@cloudlab/model";
import { DestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1beta1/DestinationRule";
import { serviceLabels } from "../labels.ts";
import { serviceHost } from "./mesh-names.ts";
import { CANARY_SUBSET, STABLE_SUBSET } from "./rollout-names.ts";

/**
 * The service's DestinationRule: a subset per running version, mutual TLS (ISTIO_MUTUAL), the circuit breaker
 * (connection pool and outlier detection) and locality-aware load balancing.
 */
export function buildDestinationRule(service: ResolvedService, environment?: ResolvedEnvironment): DestinationRule {
  const { connectionPool, outlierDetection } = service.traffic;
  const failover = localityFailover(environment);
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
        loadBalancer: { simple: "LEAST_REQUEST", localityLbSetting: { enabled: true, ...(failover.length > 0 ? { failover } : {}) } },
      },
      subsets: subsets(service),
    },
  });
}

/**
 * A subset per running version; for a canary, `stable` and `canary` over the one version's pods, to which Argo
 * Rollouts adds each side's pod-template hash.
 */
function subsets(service: ResolvedService): { name: string; labels: Record<string, string> }[] {
  if (service.delivery.strategy === "canary") {
    const labels = { version: service.versions[0]!.name };
    return [STABLE_SUBSET, CANARY_SUBSET].map((name) => ({ name, labels: { ...labels } }));
  }
  return service.versions.map((v) => ({ name: v.name, labels: { version: v.name } }));
}

/**
 * Locality failover between the clusters of a multi-cluster stage: each region fails over to the others (prod:
 * us-west-2 → us-east-1 and back). Istio applies it only with outlier detection, which every rule sets. The same list
 * in both clusters, so a failover needs no change to it.
 */
export function localityFailover(environment: ResolvedEnvironment | undefined): { from: string; to: string }[] {
  if (environment === undefined || environment.peers.length === 0) return [];
  const regions = [...new Set([environment.cluster.region, ...environment.peers.map((p) => p.region)])].sort();
  return regions.flatMap((from) => regions.filter((to) => to !== from).map((to) => ({ from, to })));
}
