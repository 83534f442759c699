import type { ResolvedService, ResolvedVersion } from "@cloudlab/model";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { serviceLabels, versionSelector } from "../labels.ts";
import { buildPodTemplate } from "./pod-template.ts";

/** The validate gate's waiver annotation of its `probes-required` policy (a reason is required). */
export const PROBES_WAIVER = "cloudlab.io/allow-probes-required";

/**
 * One version's Deployment of a stateless service. An autoscaled service's Deployment has no `replicas`: the HPA owns the count, so
 * Argo CD and the HPA never fight over it.
 */
export function buildDeployment(service: ResolvedService, version: ResolvedVersion = service.versions[0]!): Deployment {
  return new Deployment({
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
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
      template: buildPodTemplate(service, version),
    },
  });
}
