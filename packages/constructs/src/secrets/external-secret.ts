import type { ResolvedEnvironment, ResolvedSecret } from "@cloudlab/model";
import { ExternalSecret } from "@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret";
import { remoteSecretKey, tenantSecretStoreName } from "./secret-store-names.ts";

/** What an ExternalSecret is built for: a declared secret of a tenant (or of one of its services). */
export interface ExternalSecretProps {
  /** The declared secret. */
  readonly secret: ResolvedSecret;
  /** The tenant: the namespace, the store and the remote prefix. */
  readonly tenant: string;
  /** The environment: its secret manager's layout. */
  readonly environment: ResolvedEnvironment;
  /** The labels of the owner (the service's or the tenant's). */
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * A declared secret as an External Secrets Operator `ExternalSecret` (external-secrets.io/v1beta1): the Kubernetes
 * Secret of the same name in the tenant's namespace, one data key per declared key, each read from that property of
 * the remote secret `<pathPrefix>/<tenant>/<from>` through the tenant's ClusterSecretStore, read again every
 * `refresh`. The operator owns the Secret (it goes with the ExternalSecret) but keeps it when the remote secret
 * disappears (`deletionPolicy: Retain`), so a mistaken deletion upstream never empties a running pod's credentials.
 * The strategies are written out as the API server defaults them, so Argo CD sees no drift.
 */
export function buildExternalSecret({ secret, tenant, environment, labels }: ExternalSecretProps): ExternalSecret {
  const key = remoteSecretKey(environment, tenant, secret.from);
  return new ExternalSecret({
    metadata: { name: secret.name, namespace: tenant, labels: { ...labels } },
    spec: {
      refreshInterval: secret.refresh,
      secretStoreRef: { kind: "ClusterSecretStore", name: tenantSecretStoreName(tenant) },
      target: { name: secret.name, creationPolicy: "Owner", deletionPolicy: "Retain" },
      data: secret.keys.map((property) => ({
        secretKey: property,
        remoteRef: { key, property, conversionStrategy: "Default", decodingStrategy: "None", metadataPolicy: "None" },
      })),
    },
  });
}
