import type { ResolvedService, ResolvedVersion } from "@cloudlab/model";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { serviceLabels, versionSelector } from "../labels.ts";

/**
 * A PDB for a workload that can run more than one replica: at most one pod voluntarily evicted at a time. It is
 * `maxUnavailable: 1`, never `minAvailable`, so it can never block every eviction (node drains always progress).
 * `undefined` for a single-replica workload.
 */
export function buildPodDisruptionBudget(
  service: ResolvedService,
  version: ResolvedVersion = service.versions[0]!,
): PodDisruptionBudget | undefined {
  const scaling = service.scaling;
  const most = scaling.kind === "fixed" ? scaling.replicas : scaling.maxReplicas;
  if (most <= 1) return undefined;
  return new PodDisruptionBudget({
    metadata: { name: version.workloadName, namespace: service.tenant, labels: { ...serviceLabels(service), version: version.name } },
    spec: { maxUnavailable: 1, selector: { matchLabels: versionSelector(service, version.name) } },
  });
}
