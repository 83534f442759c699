import type { ResolvedEnvironment, ResolvedTenant } from "@cloudlab/model";
import { ClusterSecretStore } from "@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ClusterSecretStore";
import { tenantLabels } from "../labels.ts";
import { EXTERNAL_SECRETS_NAMESPACE, tenantSecretReaderName, tenantSecretStoreName } from "./secret-store-names.ts";

/** The cloud secret manager an environment's stores read, by provider. */
function provider(environment: ResolvedEnvironment, tenant: string) {
  const serviceAccountRef = { name: tenantSecretReaderName(tenant), namespace: EXTERNAL_SECRETS_NAMESPACE };
  const { cluster } = environment;
  if (cluster.provider === "eks") {
    // The cluster's own region: a DR cluster reads its region's replica of the primary's secrets.
    return { aws: { service: "SecretsManager" as const, region: cluster.region, auth: { jwt: { serviceAccountRef } } } };
  }
  return {
    gcpsm: {
      ...(cluster.gcpProject === undefined ? {} : { projectID: cluster.gcpProject }),
      auth: {
        workloadIdentity: {
          clusterLocation: cluster.region,
          clusterName: cluster.name,
          ...(cluster.gcpProject === undefined ? {} : { clusterProjectID: cluster.gcpProject }),
          serviceAccountRef,
        },
      },
    },
  };
}

/**
 * The tenant's `ClusterSecretStore` (external-secrets.io/v1beta1), in `_cluster/`: AWS Secrets Manager in the
 * cluster's region on EKS (IRSA), GCP Secret Manager on GKE (Workload Identity), authenticated as the tenant's own
 * reader service account, whose cloud role may read only the tenant's prefix. Its `conditions` let only ExternalSecrets
 * in the tenant's namespace use it: a tenant can neither name another tenant's store nor read another's prefix.
 */
export function buildTenantClusterSecretStore(tenant: ResolvedTenant, environment: ResolvedEnvironment): ClusterSecretStore {
  return new ClusterSecretStore({
    metadata: { name: tenantSecretStoreName(tenant.name), labels: tenantLabels(tenant) },
    spec: {
      conditions: [{ namespaces: [tenant.name] }],
      provider: provider(environment, tenant.name),
    },
  });
}
