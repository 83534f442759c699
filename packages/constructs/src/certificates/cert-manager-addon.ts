import type { ResolvedEnvironment } from "@cloudlab/model";
import type { Addon } from "../delivery/addons.ts";

/** The namespace cert-manager runs in (its ACME account keys live there). */
export const CERT_MANAGER_NAMESPACE = "cert-manager";

/** The ServiceAccount of cert-manager's controller: its cloud identity writes the DNS-01 challenge records. */
export const CERT_MANAGER_SERVICE_ACCOUNT = "cert-manager";

/** cert-manager's chart, pinned (v1.14: `installCRDs`, Kubernetes 1.24–1.29). */
export const CERT_MANAGER_CHART = { repoUrl: "https://charts.jetstack.io", repoName: "jetstack", chart: "cert-manager", version: "v1.14.5" } as const;

/** The controller's service account: made by eksctl with its IRSA role on EKS; annotated for Workload Identity on GKE. */
function serviceAccount(environment: ResolvedEnvironment): Record<string, unknown> {
  const { cluster } = environment;
  if (cluster.provider === "eks") return { create: false, name: CERT_MANAGER_SERVICE_ACCOUNT };
  const annotations = cluster.gcpProject === undefined ? {} : { "iam.gke.io/gcp-service-account": `cert-manager@${cluster.gcpProject}.iam.gserviceaccount.com` };
  return { create: true, name: CERT_MANAGER_SERVICE_ACCOUNT, annotations };
}

/**
 * cert-manager, with its CRDs, in every cluster: before the platform's ClusterIssuer and Certificates (`_cluster/`).
 * Server-side apply: its CRDs exceed the client-side annotation limit.
 */
export function certManagerAddon(environment: ResolvedEnvironment): Addon {
  return {
    name: "cert-manager",
    namespace: CERT_MANAGER_NAMESPACE,
    source: { kind: "helm", ...CERT_MANAGER_CHART },
    wave: -4,
    serverSideApply: true,
    dependsOn: [],
    values: {
      installCRDs: true,
      serviceAccount: serviceAccount(environment),
      // Only the controller's own identity may answer DNS-01 (ambient credentials for ClusterIssuers, the default).
      extraArgs: ["--cluster-issuer-ambient-credentials=true", "--issuer-ambient-credentials=false"],
    },
  };
}
