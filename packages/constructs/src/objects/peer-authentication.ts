import type { ResolvedTenant } from "@cloudlab/model";
import { PeerAuthentication } from "@kubernetes-models/istio/security.istio.io/v1beta1/PeerAuthentication";
import { tenantLabels } from "../labels.ts";
import { ISTIO_SYSTEM } from "./network-policy.ts";

/** The mesh-wide policy, exactly the source document's object: mutual TLS STRICT for every workload. */
export function buildMeshPeerAuthentication(): PeerAuthentication {
  return new PeerAuthentication({
    metadata: { name: "default", namespace: ISTIO_SYSTEM },
    spec: { mtls: { mode: "STRICT" } },
  });
}

/** STRICT again in the tenant's namespace, so no namespace-level policy can be added that relaxes it unnoticed. */
export function buildNamespacePeerAuthentication(tenant: ResolvedTenant): PeerAuthentication {
  return new PeerAuthentication({
    metadata: { name: "default", namespace: tenant.name, labels: tenantLabels(tenant) },
    spec: { mtls: { mode: "STRICT" } },
  });
}
