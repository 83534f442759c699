import type { ResolvedEnvironment } from "@cloudlab/model";

/** The namespace the External Secrets Operator runs in (its controller reads the stores' service accounts there). */
export const EXTERNAL_SECRETS_NAMESPACE = "external-secrets";

/** The tenant's ClusterSecretStore: usable only from the tenant's namespace, reading only the tenant's prefix. */
export function tenantSecretStoreName(tenant: string): string {
  return `${tenant}-secrets`;
}

/**
 * The ServiceAccount (in {@link EXTERNAL_SECRETS_NAMESPACE}) whose cloud identity reads the tenant's secrets: an IRSA
 * role on EKS, a Workload Identity binding to a Google service account on GKE, both created with the cluster
 * (`_infra/`) and limited to {@link tenantSecretPrefix}.
 */
export function tenantSecretReaderName(tenant: string): string {
  return `${tenant}-secrets-reader`;
}

/**
 * The separator of a remote key's segments: `/` in AWS Secrets Manager names; GCP Secret Manager ids allow only
 * letters, digits, `-` and `_`, so `_` there (no tenant or prefix contains one, so prefixes stay unambiguous).
 */
export function secretKeySeparator(environment: ResolvedEnvironment): string {
  return environment.cluster.provider === "eks" ? "/" : "_";
}

/** Every remote key of the tenant in this environment starts with this: `<pathPrefix>/<tenant>/` (`_` on GCP). */
export function tenantSecretPrefix(environment: ResolvedEnvironment, tenant: string): string {
  const separator = secretKeySeparator(environment);
  return `${environment.secrets.pathPrefix}${separator}${tenant}${separator}`;
}

/** The remote key of a secret declared with `from` by (a service of) the tenant. */
export function remoteSecretKey(environment: ResolvedEnvironment, tenant: string, from: string): string {
  return `${tenantSecretPrefix(environment, tenant)}${from.split("/").join(secretKeySeparator(environment))}`;
}
