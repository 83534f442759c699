import type { ResolvedService, ResolvedVersion } from "@cloudlab/model";
import { serviceLabels, versionSelector } from "../labels.ts";

/** The validate gate's waiver annotation of its `probes-required` policy (a reason is required). */
export const PROBES_WAIVER = "cloudlab.io/allow-probes-required";

/**
 * What a stateless version's workload has whatever runs it (a Deployment, or an Argo Rollout in its place): its name,
 * labels and probe waiver, and the head of its spec — replicas only when fixed (an autoscaled workload leaves them to
 * its HPA, so Argo CD and the HPA never fight over the count), revision history and the version's selector.
 */
export function statelessWorkloadBase(service: ResolvedService, version: ResolvedVersion) {
  return {
    metadata: {
      name: version.workloadName,
      namespace: service.tenant,
      labels: { ...serviceLabels(service), version: version.name },
      // A worker without ports has no endpoint to probe: the validate gate's probe policy is waived, with the reason.
      ...(service.ports.length === 0 ? { annotations: { [PROBES_WAIVER]: "worker without ports: there is no endpoint to probe" } } : {}),
    },
    spec: {
      ...(service.scaling.kind === "fixed" ? { replicas: service.scaling.replicas } : {}),
      revisionHistoryLimit: 5,
      selector: { matchLabels: versionSelector(service, version.name) },
    },
  };
}
