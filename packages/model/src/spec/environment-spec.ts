import type { ObservabilitySettingsSpec } from "./observability-spec.ts";
import type { Name, ReplicaCount, Resources } from "./primitives.ts";
import type { ConnectionPoolSpec, OutlierDetectionSpec } from "./mesh-spec.ts";
import type { Percent } from "./primitives.ts";
import type { ServiceOverride } from "./service-spec.ts";
import type { CertificatesSettingsSpec, SecretsSettingsSpec } from "./secret-spec.ts";

/** The stage an environment belongs to; it picks the stage defaults. */
export type Stage = "dev" | "staging" | "prod";

/** The managed Kubernetes offering a cluster runs on. */
export type Provider = "eks" | "gke";

/** A cluster's role in a multi-cluster stage. */
export type ClusterRole = "primary" | "dr";

/** The cluster an environment is deployed to. */
export interface ClusterSpec {
  /** The cluster's name, e.g. `prod-us-west-2`. */
  readonly name: Name;
  /** The managed Kubernetes provider. */
  readonly provider: Provider;
  /**
   * The cloud region, e.g. `us-west-2`.
   * @format dns-label
   */
  readonly region: string;
  /**
   * Whether this cluster serves traffic (`primary`) or stands by for disaster recovery (`dr`).
   * @default "primary"
   */
  readonly role?: ClusterRole;
  /**
   * The Istio network the cluster is on (`topology.istio.io/network`).
   * @default "network-<region>"
   */
  readonly network?: Name;
  /**
   * The storage class for stateful services' volume claims.
   * @default "gp3" on EKS, "premium-rwo" on GKE
   */
  readonly storageClass?: Name;
  /**
   * The machine type of the cluster's worker nodes (rendered into the cluster definition under `_infra/`). The
   * node group's minimum and maximum sizes are computed from the environment's capacity on this type.
   * @default "m6i.xlarge" on EKS, "e2-standard-4" on GKE
   */
  readonly instanceType?: InstanceType;
  /**
   * The availability zones the cluster's nodes run in, e.g. `["us-west-2a", "us-west-2b", "us-west-2c"]`.
   * @default three zones of the region: `<region>a`, `b`, `c` on EKS, `<region>-a`, `-b`, `-c` on GKE
   * @minItems 1
   */
  readonly zones?: readonly Zone[];
  /**
   * The Google Cloud project of a GKE cluster (its Config Connector objects and workload identity pool).
   * @default none: required to render a GKE cluster definition
   * @pattern ^[a-z][-a-z0-9]{4,28}[a-z0-9]$
   */
  readonly gcpProject?: string;
}

/**
 * An availability zone, e.g. `us-west-2a` or `us-central1-a`.
 * @format dns-label
 */
export type Zone = string;

/**
 * A worker machine type whose allocatable CPU, memory and pod slots the generator knows (EKS: EC2 instance types;
 * GKE: Compute Engine machine types).
 */
export type InstanceType =
  | "m6i.large"
  | "m6i.xlarge"
  | "m6i.2xlarge"
  | "m6i.4xlarge"
  | "c6i.xlarge"
  | "c6i.2xlarge"
  | "r6i.xlarge"
  | "r6i.2xlarge"
  | "e2-standard-2"
  | "e2-standard-4"
  | "e2-standard-8"
  | "e2-highmem-4"
  | "n2-standard-4"
  | "n2-standard-8";

/**
 * Velero backups of the environment's tenants that run stateful services: one daily Schedule per such tenant, into a
 * bucket of the environment (`cloudlab-velero-<environment>`), volumes snapshotted and moved into the bucket.
 */
export interface BackupSettingsSpec {
  /**
   * Back up the stateful tenants (and install Velero).
   * @default true in staging and prod, false in dev
   */
  readonly enabled?: boolean;
  /**
   * How long each backup is kept, in hours, e.g. `720h`.
   * @default prod "720h" (30 days), staging "168h" (7 days), dev "72h" (3 days)
   * @pattern ^[1-9][0-9]*h$
   */
  readonly retention?: string;
  /**
   * When the daily backup runs: a five-field cron expression, in UTC.
   * @default "0 3 * * *" (03:00 UTC)
   * @pattern ^[0-9*,/-]+( [0-9*,/-]+){4}$
   */
  readonly schedule?: string;
  /**
   * The Secret in the `velero` namespace holding the cloud credentials Velero uses (created out of band, never
   * rendered: no credentials in Git).
   * @default "velero-credentials"
   */
  readonly credentialsSecret?: Name;
}

/** The versions of the cluster's software the rendered objects must be served by. */
export interface TargetVersions {
  /**
   * The Kubernetes minor version.
   * @default "1.28"
   * @pattern ^1\.(0|[1-9][0-9]*)$
   */
  readonly kubernetes?: string;
  /**
   * The Istio minor version.
   * @default "1.20"
   * @pattern ^1\.(0|[1-9][0-9]*)$
   */
  readonly istio?: string;
}

/** Whether an environment autoscales the services that ask for it. */
export type AutoscalingMode = "on" | "off";

/**
 * Sizing defaults for the environment's services. Each field has a stage default (see `stageDefaults`); set one here
 * to change it for this environment only.
 */
export interface StageDefaultsSpec {
  /**
   * Requests and limits for containers whose service does not set them.
   * @default the stage's resources: dev 50m/64Mi → 200m/256Mi, staging 100m/128Mi → 500m/512Mi, prod 250m/256Mi → 1/1Gi
   */
  readonly resources?: Resources;
  /**
   * Replicas for services that set neither `replicas` nor `autoscaling`.
   * @default dev 1, staging 2, prod 3
   */
  readonly replicas?: ReplicaCount;
  /**
   * `off` renders every service as a fixed Deployment of `replicas` (dev: one cheap replica, no HPA); `on` renders an
   * HPA for services that declare `autoscaling`.
   * @default dev "off", staging and prod "on"
   */
  readonly autoscaling?: AutoscalingMode;
  /**
   * A ceiling on every HPA's `maxReplicas` in this environment (staging runs small ranges).
   * @default staging 5, prod no ceiling
   * @minimum 1
   */
  readonly maxReplicasCap?: ReplicaCount;
  /**
   * Spread each workload's pods across zones (required) and nodes (preferred).
   * @default prod true, dev and staging false
   */
  readonly topologySpread?: boolean;
  /**
   * Requests and limits of the Istio sidecar in each pod (set through `sidecar.istio.io/proxy*` annotations); they
   * count against the tenant's quota.
   * @default requests 100m/128Mi, limits 200m/256Mi in every stage
   */
  readonly sidecarResources?: Resources;
  /**
   * On a DR cluster (role "dr"), autoscaled services keep this share of their minReplicas as a warm standby (at least
   * one pod); maxReplicas stays, so the HPA absorbs a failover.
   * @default 30
   */
  readonly drMinReplicasPercent?: Percent;
}

/** How edge services are exposed. */
export type IngressMode = "gateway-api" | "istio";

/** The environment's ingress gateway. */
export interface IngressSettingsSpec {
  /**
   * `gateway-api`: a Gateway API `Gateway` (class `istio`) and an `HTTPRoute` per edge service; `istio`: an Istio
   * `Gateway` and a `VirtualService` bound to it.
   * @default "gateway-api"
   */
  readonly mode?: IngressMode;
  /**
   * The namespace of the gateway.
   * @default "istio-ingress"
   */
  readonly namespace?: Name;
  /**
   * The default TLS certificate Secret (in the gateway's namespace) for edge hosts that name none.
   * @default "ingress-tls"
   */
  readonly tlsSecretName?: Name;
}

/** Tracing sample rates. */
export interface TracingSettingsSpec {
  /**
   * Percent of requests traced through critical services.
   * @default 100
   */
  readonly criticalPercent?: Percent;
  /**
   * Percent of requests traced elsewhere.
   * @default 10
   */
  readonly defaultPercent?: Percent;
}

/** Mesh settings of an environment. */
export interface MeshSettingsSpec {
  /**
   * The ingress gateway.
   * @default Gateway API in istio-ingress, certificate ingress-tls
   */
  readonly ingress?: IngressSettingsSpec;
  /**
   * Tracing sample rates.
   * @default 100 % for critical services, 10 % otherwise
   */
  readonly tracing?: TracingSettingsSpec;
  /**
   * The circuit breaker's connection limits for services that set none.
   * @default 1024 connections, 1024 pending, 1024 concurrent requests
   */
  readonly connectionPool?: ConnectionPoolSpec;
  /**
   * Outlier detection for services that set none.
   * @default eject after 5 consecutive errors, every 10s, for 30s, at most 50 %
   */
  readonly outlierDetection?: OutlierDetectionSpec;
}

/** How the rendered folders reach the cluster. */
export interface DeliverySpec {
  /**
   * Render Argo CD objects: an AppProject per tenant, an Application per tenant and per add-on, and a root app.
   * @default true
   */
  readonly argocd?: boolean;
  /**
   * Render Flux objects: a GitRepository, a Kustomization per tenant and for the platform, HelmReleases for add-ons.
   * @default false
   */
  readonly flux?: boolean;
  /**
   * The Git repository holding `environments/`, as an `https://`, `http://` or `ssh://` URL (Flux's GitRepository
   * accepts no other form; Argo CD takes these too).
   * @default "https://github.com/cloud-lab/platform.git"
   * @pattern ^(https?|ssh)://[^\s]+$
   */
  readonly repoUrl?: string;
  /**
   * The branch the clusters follow.
   * @default "main"
   */
  readonly revision?: string;
}

/** One environment: a stage on one cluster, rendered into `environments/<name>/`. */
export interface EnvironmentSpec {
  /** The environment's name and its folder under `environments/`, e.g. `prod-us-west-2`. */
  readonly name: Name;
  /** The stage. */
  readonly stage: Stage;
  /** The cluster it deploys to. */
  readonly cluster: ClusterSpec;
  /**
   * The target versions.
   * @default Kubernetes 1.28, Istio 1.20
   */
  readonly versions?: TargetVersions;
  /**
   * Changes to the stage defaults for this environment.
   * @default the stage defaults
   */
  readonly defaults?: StageDefaultsSpec;
  /**
   * GitOps delivery: Argo CD (default), Flux, or both.
   * @default Argo CD from https://github.com/cloud-lab/platform.git, branch main
   */
  readonly delivery?: DeliverySpec;
  /**
   * Mesh settings: ingress, tracing, circuit-breaker defaults.
   * @default see MeshSettingsSpec
   */
  readonly mesh?: MeshSettingsSpec;
  /**
   * Observability: scraping mode, log and trace retention, alert routing, the load test.
   * @default operator scraping, logs 90 days in prod and 30 elsewhere, traces 7 days, no load test
   */
  readonly observability?: ObservabilitySettingsSpec;
  /**
   * Velero backups of the tenants with stateful services, and the restore templates of a DR cluster.
   * @default on in staging (7 days) and prod (30 days), daily at 03:00 UTC; off in dev
   */
  readonly backups?: BackupSettingsSpec;
  /**
   * Require every image of the environment (each service's, each version's) to be pinned by digest
   * (`@sha256:<64 hex digits>`), so what runs is exactly the bytes reviewed: a tag can be pushed again, a digest cannot.
   * Meant for prod; a service without a digest here is a spec error. Check `service/image-digest-required`.
   * @default false
   */
  readonly requireImageDigests?: boolean;
  /**
   * The layout of the environment's cloud secret manager (AWS Secrets Manager on EKS, GCP Secret Manager on GKE).
   * @default remote keys under the stage's name
   */
  readonly secrets?: SecretsSettingsSpec;
  /**
   * How ingress certificates are issued (cert-manager, ACME DNS-01).
   * @default Let's Encrypt in prod, its staging CA elsewhere
   */
  readonly certificates?: CertificatesSettingsSpec;
  /**
   * Per-service changes, keyed by service name.
   * @default no overrides
   */
  readonly overrides?: Readonly<Record<string, ServiceOverride>>;
}

