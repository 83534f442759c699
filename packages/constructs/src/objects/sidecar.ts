import type { ResolvedService } from "@cloudlab/model";
import { Sidecar } from "@kubernetes-models/istio/networking.istio.io/v1beta1/Sidecar";
import { serviceLabels, serviceSelector } from "../labels.ts";
import { serviceHost } from "./mesh-names.ts";
import { egressByHost } from "./service-entry.ts";
import { ISTIO_SYSTEM } from "./network-policy.ts";

/**
 * Limits the service's proxy configuration to what it calls (and the control plane): at hundreds of services this
 * keeps every sidecar's memory and push time proportional to its own call graph, not the mesh's size. Its declared
 * external hosts are listed in its own namespace, where their ServiceEntries are (exported to that namespace only).
 */
export function buildSidecar(service: ResolvedService, callees: readonly ResolvedService[]): Sidecar {
  const hosts = [`${ISTIO_SYSTEM}/*`, ...callees.map((c) => `${c.tenant}/${serviceHost(c)}`), ...egressByHost(service).map(({ host }) => `${service.tenant}/${host}`)];
  return new Sidecar({
    metadata: { name: service.name, namespace: service.tenant, labels: serviceLabels(service) },
    spec: { workloadSelector: { labels: serviceSelector(service) }, egress: [{ hosts }] },
  });
}
