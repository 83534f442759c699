import type { ResolvedEnvironment, ResolvedTenant } from "@cloudlab/model";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { addonNamespaces } from "../delivery/addons.ts";
import { ISTIO_SYSTEM } from "./network-policy.ts";
import { PLATFORM_LABELS } from "./ingress-gateway.ts";
import { platformPodSecurity, podSecurityMetadata } from "./pod-security.ts";

/**
 * `istio-system`, labelled with the cluster's Istio network (`topology.istio.io/network`: multi-primary on separate
 * networks), and the namespaces of the add-ons, each at the strictest Pod Security level its add-ons allow (with the
 * reason when below `restricted`: `pod-security.ts`). Rendered here because delivery never creates namespaces.
 */
export function buildPlatformNamespaces(environment: ResolvedEnvironment, tenants: readonly ResolvedTenant[]): Namespace[] {
  const tenantNames = new Set(tenants.map((t) => t.name));
  const metadata = (name: string) => {
    const { labels, annotations } = podSecurityMetadata(platformPodSecurity(name), environment);
    return { name, labels: { ...PLATFORM_LABELS, ...labels }, ...(annotations === undefined ? {} : { annotations }) };
  };
  const base = metadata(ISTIO_SYSTEM);
  const istio = new Namespace({ metadata: { ...base, labels: { ...base.labels, "topology.istio.io/network": environment.cluster.network } } });
  const others = addonNamespaces(environment)
    .filter((name) => name !== ISTIO_SYSTEM && name !== environment.mesh.ingress.namespace && !tenantNames.has(name))
    .map((name) => new Namespace({ metadata: metadata(name) }));
  return [istio, ...others];
}
