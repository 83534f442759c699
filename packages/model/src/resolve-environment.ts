import type { Sourced } from "./platform-definition.ts";
import type { ResolvedEnvironment } from "./resolved.ts";
import type { EnvironmentSpec } from "./spec/environment-spec.ts";
import { STAGE_DEFAULTS } from "./stage-defaults.ts";
import { resolveObservabilitySettings } from "./resolve-observability.ts";

/** The Kubernetes minor version rendered for when an environment names none. */
export const DEFAULT_KUBERNETES_VERSION = "1.28";
/** The Istio minor version rendered for when an environment names none. */
export const DEFAULT_ISTIO_VERSION = "1.20";

/** The Git repository the clusters follow when an environment names none. */
export const DEFAULT_REPO_URL = "https://github.com/cloud-lab/platform.git";

const STORAGE_CLASS = { eks: "gp3", gke: "premium-rwo" } as const;

/** The worker machine type when an environment names none. */
export const DEFAULT_INSTANCE_TYPE = { eks: "m6i.xlarge", gke: "e2-standard-4" } as const;

/** Backup retention by stage when an environment names none: 30 days in prod, 7 in staging, 3 in dev. */
export const BACKUP_RETENTION = { prod: "720h", staging: "168h", dev: "72h" } as const;

/** Three zones of a region, as each provider names them. */
function defaultZones(provider: "eks" | "gke", region: string): string[] {
  return ["a", "b", "c"].map((zone) => (provider === "eks" ? `${region}${zone}` : `${region}-${zone}`));
}

/** An environment spec (already schema-checked) with every default applied. */
export function resolveEnvironment({ spec, file }: Sourced<EnvironmentSpec>): ResolvedEnvironment {
  const preset = STAGE_DEFAULTS[spec.stage];
  const own = spec.defaults ?? {};
  const mesh = spec.mesh ?? {};
  return {
    name: spec.name,
    stage: spec.stage,
    file,
    cluster: {
      name: spec.cluster.name,
      provider: spec.cluster.provider,
      region: spec.cluster.region,
      role: spec.cluster.role ?? "primary",
      network: spec.cluster.network ?? `network-${spec.cluster.region}`,
      storageClass: spec.cluster.storageClass ?? STORAGE_CLASS[spec.cluster.provider],
      instanceType: spec.cluster.instanceType ?? DEFAULT_INSTANCE_TYPE[spec.cluster.provider],
      zones: spec.cluster.zones ?? defaultZones(spec.cluster.provider, spec.cluster.region),
      gcpProject: spec.cluster.gcpProject,
    },
    versions: {
      kubernetes: spec.versions?.kubernetes ?? DEFAULT_KUBERNETES_VERSION,
      istio: spec.versions?.istio ?? DEFAULT_ISTIO_VERSION,
    },
    defaults: {
      resources: own.resources ?? preset.resources,
      replicas: own.replicas ?? preset.replicas,
      autoscaling: own.autoscaling ?? preset.autoscaling,
      maxReplicasCap: own.maxReplicasCap ?? preset.maxReplicasCap,
      topologySpread: own.topologySpread ?? preset.topologySpread,
      sidecarResources: own.sidecarResources ?? preset.sidecarResources,
      drMinReplicasPercent: own.drMinReplicasPercent ?? preset.drMinReplicasPercent,
    },
    delivery: {
      argocd: spec.delivery?.argocd ?? true,
      flux: spec.delivery?.flux ?? false,
      repoUrl: spec.delivery?.repoUrl ?? DEFAULT_REPO_URL,
      revision: spec.delivery?.revision ?? "main",
    },
    peers: [],
    mesh: {
      ingress: {
        mode: mesh.ingress?.mode ?? "gateway-api",
        namespace: mesh.ingress?.namespace ?? "istio-ingress",
        tlsSecretName: mesh.ingress?.tlsSecretName ?? "ingress-tls",
      },
      tracing: {
        criticalPercent: mesh.tracing?.criticalPercent ?? 100,
        defaultPercent: mesh.tracing?.defaultPercent ?? 10,
      },
      connectionPool: {
        maxConnections: mesh.connectionPool?.maxConnections ?? 1024,
        http1MaxPendingRequests: mesh.connectionPool?.http1MaxPendingRequests ?? 1024,
        http2MaxRequests: mesh.connectionPool?.http2MaxRequests ?? 1024,
      },
      outlierDetection: {
        consecutive5xxErrors: mesh.outlierDetection?.consecutive5xxErrors ?? 5,
        interval: mesh.outlierDetection?.interval ?? "10s",
        baseEjectionTime: mesh.outlierDetection?.baseEjectionTime ?? "30s",
        maxEjectionPercent: mesh.outlierDetection?.maxEjectionPercent ?? 50,
      },
    },
    observability: resolveObservabilitySettings(spec.observability, spec.stage),
    backups: {
      enabled: spec.backups?.enabled ?? spec.stage !== "dev",
      retention: spec.backups?.retention ?? BACKUP_RETENTION[spec.stage],
      schedule: spec.backups?.schedule ?? "0 3 * * *",
      credentialsSecret: spec.backups?.credentialsSecret ?? "velero-credentials",
    },
    requireImageDigests: spec.requireImageDigests ?? false,
    secrets: { pathPrefix: spec.secrets?.pathPrefix ?? spec.stage },
    certificates: {
      issuer: spec.certificates?.issuer ?? (spec.stage === "prod" ? "letsencrypt" : "letsencrypt-staging"),
      email: spec.certificates?.email ?? "platform-team@cloud-lab.io",
      dnsZone: spec.certificates?.dnsZone,
    },
  };
}
