import type { ResolvedEnvironment } from "@cloudlab/model";
import type { Addon } from "../delivery/addons.ts";
import { EXTERNAL_SECRETS_NAMESPACE } from "./secret-store-names.ts";

/**
 * The External Secrets Operator's chart. Pinned to 0.10.x: the rendered objects are external-secrets.io/v1beta1 (what
 * `@kubernetes-models/external-secrets` types), which the operator serves up to 0.16 and stops serving from 0.17.
 */
export const EXTERNAL_SECRETS_CHART = {
  repoUrl: "https://charts.external-secrets.io",
  repoName: "external-secrets",
  chart: "external-secrets",
  version: "0.10.5",
} as const;

/**
 * The External Secrets Operator, with its CRDs, in every cluster: before the platform's stores (`_cluster/`, which
 * sync with `SkipDryRunOnMissingResource` and retry until the CRDs exist) and the tenants' ExternalSecrets. Server-side
 * apply: its CRDs exceed the client-side annotation limit.
 */
export function externalSecretsAddon(environment: ResolvedEnvironment): Addon {
  return {
    name: "external-secrets",
    namespace: EXTERNAL_SECRETS_NAMESPACE,
    source: { kind: "helm", ...EXTERNAL_SECRETS_CHART },
    wave: -4,
    serverSideApply: true,
    dependsOn: [],
    values: {
      installCRDs: true,
      replicaCount: environment.stage === "prod" ? 2 : 1,
      leaderElect: environment.stage === "prod",
    },
  };
}
