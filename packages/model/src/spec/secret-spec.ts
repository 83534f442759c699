import type { Duration, Name } from "./primitives.ts";

/**
 * A secret's path under its tenant's prefix in the cloud secret manager, e.g. `payment-api` or `db/cart`: lowercase
 * segments of letters, digits, `-` and `.` separated by `/`, never `..`. The rendered remote key is
 * `<environment's secrets.pathPrefix>/<tenant>/<from>` (AWS Secrets Manager), `_`-joined on GCP Secret Manager,
 * so a secret can never name another tenant's.
 * @format secret-path
 */
export type SecretPath = string;

/**
 * A key of a secret: letters, digits, `-`, `_` and `.` (what a Kubernetes Secret's data keys allow).
 * @format secret-key
 */
export type SecretKeyName = string;

/**
 * A secret a service (or a whole tenant) reads from the environment's cloud secret manager. It is rendered as an
 * External Secrets Operator `ExternalSecret` that keeps a Kubernetes Secret of the same name in step with the remote
 * one; `env[].secretKeyRef` may only name declared secrets and keys.
 */
export interface SecretSpec {
  /** The Kubernetes Secret's name in the tenant's namespace (and the ExternalSecret's). */
  readonly name: Name;
  /** Where the secret lives under the tenant's prefix of the environment's secret manager, e.g. `payment-api`. */
  readonly from: SecretPath;
  /**
   * The keys read from the remote secret (a JSON object's properties) into the Kubernetes Secret.
   * @minItems 1
   */
  readonly keys: readonly SecretKeyName[];
  /**
   * How often the operator reads the remote secret again: a rotated value reaches the Kubernetes Secret within this
   * interval (pods reading it through env see it on their next restart).
   * @default "1h"
   */
  readonly refresh?: Duration;
}

/** An environment's cloud secret manager layout. */
export interface SecretsSettingsSpec {
  /**
   * The first segment of every remote key in this environment: `<pathPrefix>/<tenant>/<from>`. The clusters of one
   * stage share it (the DR cluster reads its own region's replica of the same names).
   * @default the stage: "dev", "staging" or "prod"
   * @format dns-label
   */
  readonly pathPrefix?: string;
}

/** How an environment's ingress certificates are issued (cert-manager, ACME DNS-01). */
export interface CertificatesSettingsSpec {
  /**
   * `letsencrypt` (trusted) or `letsencrypt-staging` (untrusted test certificates, generous rate limits).
   * @default "letsencrypt" in prod, "letsencrypt-staging" elsewhere
   */
  readonly issuer?: AcmeIssuer;
  /**
   * The address the ACME account registers (expiry notices).
   * @default "platform-team@cloud-lab.io"
   */
  readonly email?: string;
  /**
   * The DNS zone DNS-01 challenges are written to: a Route 53 hosted zone ID on EKS, a Cloud DNS managed zone name on
   * GKE.
   * @default found from the host names (Route 53); required on GKE
   */
  readonly dnsZone?: string;
}

/** An ACME certificate authority. */
export type AcmeIssuer = "letsencrypt" | "letsencrypt-staging";
