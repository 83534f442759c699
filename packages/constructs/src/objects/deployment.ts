import type { ResolvedService } from "@cloudlab/model";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { serviceLabels, versionSelector } from "../labels.ts";
import { buildPodTemplate } from "./pod-template.ts";

/**
 * A stateless service's Deployment. An autoscaled service's Deployment has no `replicas`: the HPA owns the count, so
 * Argo CD and the HPA never fight over it.
 */
export function buildDeployment(service: ResolvedService): Deployment {
  return new Deployment({
    metadata: { name: service.name, namespace: service.tenant, labels: serviceLabels(service) },
    spec: {
      ...(service.scaling.kind === "fixed" ? { replicas: service.scaling.replicas } : {}),
      revisionHistoryLimit: 5,
      selector: { matchLabels: versionSelector(service) },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
      template: buildPodTemplate(service),
    },
  });
}
