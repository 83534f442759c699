import type { ResolvedService } from "@cloudlab/model";
import type { IIoK8sApiCoreV1PodTemplateSpec } from "kubernetes-models/v1/PodTemplateSpec";
import { podLabels } from "../labels.ts";
import { buildContainer } from "./container.ts";

/** The pod template shared by a service's Deployment or StatefulSet. */
export function buildPodTemplate(service: ResolvedService, version?: string): IIoK8sApiCoreV1PodTemplateSpec {
  return {
    metadata: { labels: podLabels(service, version) },
    spec: {
      serviceAccountName: service.name,
      automountServiceAccountToken: false,
      terminationGracePeriodSeconds: service.terminationGracePeriodSeconds,
      containers: [buildContainer(service)],
    },
  };
}
