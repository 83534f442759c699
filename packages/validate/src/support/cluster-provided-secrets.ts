/** A Secret the cluster itself creates, so a manifest may reference it without rendering what produces it. */
export interface ClusterProvidedSecret {
  /** The namespace it is in; `undefined`: any namespace. */
  readonly namespace: string | undefined;
  /** Its name, or (ending in `*`) the prefix of its names. */
  readonly name: string;
  /** Who creates it. */
  readonly reason: string;
}

/**
 * The short list of Secrets the cluster provides (docs/secrets.md): what the gate's `secret-reference` rule accepts
 * without an ExternalSecret, Certificate or Secret object producing them. Anything else a pod, gateway or alert
 * routing references must be produced in Git.
 */
export const CLUSTER_PROVIDED_SECRETS: readonly ClusterProvidedSecret[] = [
  { namespace: "istio-system", name: "cacerts", reason: "Istio's plugged-in CA certificate, installed with the mesh" },
  { namespace: "istio-system", name: "istio-ca-secret", reason: "istiod's self-signed CA" },
  { namespace: "istio-system", name: "istio-remote-secret-*", reason: "istioctl's remote secrets of a multi-cluster mesh" },
  { namespace: undefined, name: "sh.helm.release.v1.*", reason: "Helm's release records" },
];

/** The entry of the list this Secret is, if any. */
export function clusterProvidedSecret(namespace: string, name: string): ClusterProvidedSecret | undefined {
  return CLUSTER_PROVIDED_SECRETS.find(
    (entry) => (entry.namespace === undefined || entry.namespace === namespace) && (entry.name.endsWith("*") ? name.startsWith(entry.name.slice(0, -1)) : entry.name === name),
  );
}
