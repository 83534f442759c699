import type { ResolvedEnvironment } from "@cloudlab/model";
import { ClusterIssuer } from "@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer";
import { PLATFORM_LABELS } from "../objects/ingress-gateway.ts";

/** The ACME directories of Let's Encrypt: production (trusted) and staging (untrusted, generous rate limits). */
export const ACME_SERVERS = {
  letsencrypt: "https://acme-v02.api.letsencrypt.org/directory",
  "letsencrypt-staging": "https://acme-staging-v02.api.letsencrypt.org/directory",
} as const;

/** The name of the environment's ClusterIssuer: its ACME CA (`letsencrypt` or `letsencrypt-staging`). */
export function clusterIssuerName(environment: ResolvedEnvironment): string {
  return environment.certificates.issuer;
}

/** The DNS-01 solver: Route 53 on EKS (the cluster's region, IRSA), Cloud DNS on GKE (Workload Identity). */
function dns01(environment: ResolvedEnvironment) {
  const { cluster, certificates } = environment;
  if (cluster.provider === "eks") {
    return { route53: { region: cluster.region, ...(certificates.dnsZone === undefined ? {} : { hostedZoneID: certificates.dnsZone }) } };
  }
  return { cloudDNS: { project: cluster.gcpProject ?? "", ...(certificates.dnsZone === undefined ? {} : { hostedZoneName: certificates.dnsZone }) } };
}

/**
 * The environment's `ClusterIssuer`, in `_cluster/`: an ACME account at Let's Encrypt (its staging CA outside prod, so
 * dev and staging never spend prod's rate limits), DNS-01 challenges answered in Route 53 or Cloud DNS with the
 * cert-manager controller's own cloud identity (ambient credentials, created with the cluster in `_infra/`). DNS-01
 * needs no inbound HTTP, so it also issues for a DR cluster that serves no traffic and for wildcard hosts.
 */
export function buildClusterIssuer(environment: ResolvedEnvironment): ClusterIssuer {
  const name = clusterIssuerName(environment);
  return new ClusterIssuer({
    metadata: { name, labels: { ...PLATFORM_LABELS } },
    spec: {
      acme: {
        server: ACME_SERVERS[environment.certificates.issuer],
        email: environment.certificates.email,
        privateKeySecretRef: { name: `${name}-account-key` },
        solvers: [{ dns01: dns01(environment) }],
      },
    },
  });
}
