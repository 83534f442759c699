import type { ResolvedService, ResolvedVersion } from "@cloudlab/model";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { buildPodTemplate } from "./pod-template.ts";
import { statelessWorkloadBase } from "./stateless-workload.ts";

export { PROBES_WAIVER } from "./stateless-workload.ts";

/**
 * One version's Deployment of a stateless service. An autoscaled service's Deployment has no `replicas`: the HPA owns the count, so
 * Argo CD and the HPA never fight over it.
 */
export function buildDeployment(service: ResolvedService, version: ResolvedVersion = service.versions[0]!): Deployment {
  const { metadata, spec } = statelessWorkloadBase(service, version);
  return new Deployment({
    metadata,
    spec: {
      ...spec,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
      template: buildPodTemplate(service, version),
    },
  });
}
