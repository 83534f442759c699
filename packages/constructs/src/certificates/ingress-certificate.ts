import type { ResolvedEnvironment, ResolvedService } from "@cloudlab/model";
import { Certificate } from "@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate";
import { PLATFORM_LABELS, edgeServices, hostCertificates } from "../objects/ingress-gateway.ts";
import { clusterIssuerName } from "./cluster-issuer.ts";

/** The ingress TLS Secrets of an environment, each with the hosts the gateway serves with it (sorted). */
export function certificateHosts(services: readonly ResolvedService[]): Map<string, string[]> {
  const bySecret = new Map<string, string[]>();
  for (const [host, secret] of hostCertificates(edgeServices(services))) bySecret.set(secret, [...(bySecret.get(secret) ?? []), host]);
  return new Map([...bySecret.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The cert-manager `Certificate`s of the ingress gateway, in its namespace (`_cluster/`): one per TLS Secret the
 * gateway names (the environment's `tlsSecretName`, or an edge service's own), covering every host served with it,
 * issued by the environment's ClusterIssuer into that Secret. The private key is rotated with every renewal.
 *
 * Explicit Certificates rather than cert-manager's Gateway annotation: the annotation works only on Gateway API
 * Gateways (and behind a feature gate), not on the Istio `Gateway` of `ingress.mode: istio`, and an explicit object is
 * what the gate and the review can check host by host.
 */
export function buildIngressCertificates(environment: ResolvedEnvironment, services: readonly ResolvedService[]): Certificate[] {
  return [...certificateHosts(services).entries()].map(
    ([secretName, hosts]) =>
      new Certificate({
        metadata: { name: secretName, namespace: environment.mesh.ingress.namespace, labels: { ...PLATFORM_LABELS } },
        spec: {
          secretName,
          dnsNames: hosts,
          issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: clusterIssuerName(environment) },
          privateKey: { algorithm: "ECDSA", size: 256, rotationPolicy: "Always" },
        },
      }),
  );
}
