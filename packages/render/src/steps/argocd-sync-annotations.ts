import type { Manifest } from "../analysis/manifest.ts";

/** Argo CD's sync-wave annotation. */
export const SYNC_WAVE = "argocd.argoproj.io/sync-wave";
/** Argo CD's per-object sync options annotation. */
export const SYNC_OPTIONS = "argocd.argoproj.io/sync-options";

/**
 * The sync wave of each kind: namespaces first, then identities, quotas, secret stores, issuers and mesh / network
 * policy (so no pod ever starts without its policies), then Services, DestinationRules, ExternalSecrets and
 * Certificates (so a pod's Secret and a gateway's certificate exist before it), then workloads, then routes that
 * shift traffic to them.
 */
const WAVES: Readonly<Record<string, number>> = {
  Namespace: -3,
  CustomResourceDefinition: -3,
  ServiceAccount: -2,
  Role: -2,
  RoleBinding: -2,
  ResourceQuota: -2,
  LimitRange: -2,
  NetworkPolicy: -2,
  PeerAuthentication: -2,
  AuthorizationPolicy: -2,
  Sidecar: -2,
  Telemetry: -2,
  ClusterSecretStore: -2,
  ClusterIssuer: -2,
  ConfigMap: -1,
  ExternalSecret: -1,
  Certificate: -1,
  Service: -1,
  DestinationRule: -1,
  AnalysisTemplate: -1,
  Deployment: 0,
  Rollout: 0,
  StatefulSet: 0,
  HorizontalPodAutoscaler: 0,
  PodDisruptionBudget: 0,
  CronJob: 0,
  Job: 0,
  VirtualService: 1,
  Gateway: 1,
  HTTPRoute: 1,
};

/** API groups whose CRDs are installed by add-ons in the same sync: dry runs cannot know them yet. */
const CRD_GROUPS = ["networking.istio.io", "security.istio.io", "telemetry.istio.io", "gateway.networking.k8s.io", "monitoring.coreos.com", "velero.io", "snapshot.storage.k8s.io", "external-secrets.io", "cert-manager.io"];

/**
 * Kinds of the Argo Rollouts add-on, installed in the same sync. Only these of `argoproj.io`: the group also holds
 * Argo CD's own kinds, whose CRDs exist before anything syncs.
 */
const ADDON_KINDS = new Set(["argoproj.io Rollout", "argoproj.io AnalysisTemplate"]);

/** Kinds whose deletion would lose data or take down every tenant object: never pruned automatically. */
const NEVER_PRUNE = new Set(["Namespace", "PersistentVolumeClaim"]);

/**
 * Adds Argo CD's sync annotations to one object of a synced folder: its sync wave by kind, `Prune=false` on
 * namespaces and volume claims, `SkipDryRunOnMissingResource=true` on custom resources whose CRD arrives in the
 * same sync. Pure: returns a new manifest.
 */
export function withArgoCdSyncAnnotations(manifest: Manifest): Manifest {
  const options: string[] = [];
  if (NEVER_PRUNE.has(manifest.kind)) options.push("Prune=false");
  const group = manifest.apiVersion.includes("/") ? manifest.apiVersion.split("/")[0]! : "";
  if (CRD_GROUPS.includes(group) || ADDON_KINDS.has(`${group} ${manifest.kind}`)) options.push("SkipDryRunOnMissingResource=true");
  const wave = WAVES[manifest.kind] ?? 0;
  const metadata = manifest.metadata as Manifest["metadata"] & { annotations?: Record<string, string> };
  const annotations = { ...metadata.annotations, [SYNC_WAVE]: String(wave), ...(options.length > 0 ? { [SYNC_OPTIONS]: options.join(",") } : {}) };
  return { ...manifest, metadata: { ...metadata, annotations } as Manifest["metadata"] };
}
