import { egressEntryName, type EgressProtocol, type ResolvedEgress, type ResolvedService } from "@cloudlab/model";
import { ServiceEntry } from "@kubernetes-models/istio/networking.istio.io/v1beta1/ServiceEntry";
import { serviceLabels } from "../labels.ts";

/** Istio's name of each egress protocol on a ServiceEntry port. */
const ISTIO_PROTOCOL: Readonly<Record<EgressProtocol, string>> = { tls: "TLS", https: "HTTPS", http: "HTTP", http2: "HTTP2", grpc: "GRPC", tcp: "TCP" };

/** The external hosts of a service, each with its ports in the order declared; hosts in the order first declared. */
export function egressByHost(service: ResolvedService): { readonly host: string; readonly ports: readonly ResolvedEgress[] }[] {
  const hosts = new Map<string, ResolvedEgress[]>();
  for (const entry of service.egress) hosts.set(entry.host, [...(hosts.get(entry.host) ?? []), entry]);
  return [...hosts].map(([host, ports]) => ({ host, ports }));
}

/**
 * One ServiceEntry per external host the service calls: outside the mesh (MESH_EXTERNAL), resolved by DNS, its ports
 * named `<protocol>-<number>`, and visible only in the service's own namespace (`exportTo: ["."]`), so declaring a host
 * opens it to the tenant and no one else. With the mesh's outbound policy REGISTRY_ONLY, a host without an entry is
 * unreachable from any sidecar.
 */
export function buildEgressServiceEntries(service: ResolvedService): ServiceEntry[] {
  return egressByHost(service).map(
    ({ host, ports }) =>
      new ServiceEntry({
        metadata: { name: egressEntryName(service.name, host), namespace: service.tenant, labels: serviceLabels(service) },
        spec: {
          hosts: [host],
          location: "MESH_EXTERNAL",
          resolution: "DNS",
          exportTo: ["."],
          ports: ports.map((p) => ({ number: p.port, name: `${p.protocol}-${p.port}`, protocol: ISTIO_PROTOCOL[p.protocol] })),
        },
      }),
  );
}
