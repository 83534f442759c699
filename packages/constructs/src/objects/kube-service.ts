import type { ResolvedPort, ResolvedService, ResolvedVersion } from "@cloudlab/model";
import { Service } from "kubernetes-models/v1/Service";
import { serviceLabels, serviceSelector, versionSelector } from "../labels.ts";
import { previewServiceName } from "./rollout-names.ts";

/** The Istio-style name of a Service port: `<protocol>-<name>`, or the name alone when it already says the protocol. */
export function istioPortName(port: ResolvedPort): string {
  return port.name === port.protocol || port.name.startsWith(`${port.protocol}-`) ? port.name : `${port.protocol}-${port.name}`;
}

const APP_PROTOCOL = { http: "http", http2: "http2", grpc: "grpc", tcp: "tcp" } as const;

function servicePorts(service: ResolvedService) {
  return service.ports.map((p) => ({
    name: istioPortName(p),
    port: p.port,
    targetPort: p.targetPort,
    protocol: "TCP" as const,
    appProtocol: APP_PROTOCOL[p.protocol],
  }));
}

/** The service's ClusterIP Service: its stable name in the mesh, selecting every version's pods. */
export function buildService(service: ResolvedService): Service {
  return new Service({
    metadata: { name: service.name, namespace: service.tenant, labels: serviceLabels(service) },
    spec: { type: "ClusterIP", selector: serviceSelector(service), ports: servicePorts(service) },
  });
}

/** The name of a stateful service's headless Service. */
export function headlessServiceName(service: ResolvedService): string {
  return `${service.name}-headless`;
}

/** The headless Service that gives a StatefulSet's pods stable DNS names. */
export function buildHeadlessService(service: ResolvedService): Service {
  return new Service({
    metadata: { name: headlessServiceName(service), namespace: service.tenant, labels: serviceLabels(service) },
    spec: {
      type: "ClusterIP",
      clusterIP: "None",
      publishNotReadyAddresses: true,
      selector: serviceSelector(service),
      ports: servicePorts(service),
    },
  });
}

/**
 * A Service selecting one version's pods, `<service>-<version>`: the ingress gateway's HTTPRoute splits traffic
 * between these by weight (Gateway API routes to Services, not to Istio subsets).
 */
export function buildVersionService(service: ResolvedService, version: ResolvedVersion): Service {
  return new Service({
    metadata: { name: version.workloadName, namespace: service.tenant, labels: { ...serviceLabels(service), version: version.name } },
    spec: { type: "ClusterIP", selector: versionSelector(service, version.name), ports: servicePorts(service) },
  });
}

/**
 * A blue-green service's preview Service: the new pods before they are promoted (Argo Rollouts points it and the
 * active Service at one ReplicaSet each by adding the pod-template hash to their selectors).
 */
export function buildPreviewService(service: ResolvedService): Service | undefined {
  if (service.delivery.strategy !== "blue-green" || service.ports.length === 0) return undefined;
  return new Service({
    metadata: { name: previewServiceName(service), namespace: service.tenant, labels: serviceLabels(service) },
    spec: { type: "ClusterIP", selector: serviceSelector(service), ports: servicePorts(service) },
  });
}
