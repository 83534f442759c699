import type { ResolvedService, ResolvedVersion } from "@cloudlab/model";
import type { IIoK8sApiCoreV1PodTemplateSpec } from "kubernetes-models/v1/PodTemplateSpec";
import type { IIoK8sApiCoreV1TopologySpreadConstraint } from "kubernetes-models/v1/TopologySpreadConstraint";
import { podLabels, versionSelector } from "../labels.ts";
import { scrapeAnnotations } from "../observability/scrape-annotations.ts";
import { buildContainer } from "./container.ts";
import { buildPodSecurityContext } from "./security-context.ts";
import { writableVolumes } from "./writable-volumes.ts";

/** Zones required (a zone outage takes at most its share), nodes preferred (never blocks a scale-up). */
function topologySpread(service: ResolvedService, version: string): IIoK8sApiCoreV1TopologySpreadConstraint[] {
  const labelSelector = { matchLabels: versionSelector(service, version) };
  return [
    { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector },
    { maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector },
  ];
}

/** The Istio sidecar's requests and limits, set per pod so the tenant's quota accounts for them. */
function sidecarAnnotations(service: ResolvedService): Record<string, string> {
  const proxy = service.sidecarResources;
  return {
    "sidecar.istio.io/proxyCPU": proxy.requests.cpu,
    "sidecar.istio.io/proxyCPULimit": proxy.limits.cpu,
    "sidecar.istio.io/proxyMemory": proxy.requests.memory,
    "sidecar.istio.io/proxyMemoryLimit": proxy.limits.memory,
  };
}

/** The pod template of one version's Deployment or StatefulSet: Pod Security Standards "restricted". */
export function buildPodTemplate(service: ResolvedService, version: ResolvedVersion = service.versions[0]!): IIoK8sApiCoreV1PodTemplateSpec {
  const volumes = writableVolumes(service).map((v) => ({ name: v.name, emptyDir: {} }));
  return {
    metadata: {
      labels: podLabels(service, version.name),
      annotations: { "kubectl.kubernetes.io/default-container": service.containerName, ...sidecarAnnotations(service), ...scrapeAnnotations(service) },
    },
    spec: {
      serviceAccountName: service.serviceAccountName,
      automountServiceAccountToken: service.apiAccess !== undefined,
      enableServiceLinks: false,
      terminationGracePeriodSeconds: service.terminationGracePeriodSeconds,
      securityContext: buildPodSecurityContext(service),
      containers: [buildContainer(service, version)],
      ...(volumes.length > 0 ? { volumes } : {}),
      ...(service.topologySpread ? { topologySpreadConstraints: topologySpread(service, version.name) } : {}),
    },
  };
}
