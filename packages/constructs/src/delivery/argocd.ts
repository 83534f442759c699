import type { ResolvedEnvironment, ResolvedService, ResolvedTenant } from "@cloudlab/model";
import { Application } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application";
import { AppProject } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject";
import { tenantLabels } from "../labels.ts";
import { PLATFORM_LABELS } from "../objects/ingress-gateway.ts";
import { addonNamespaces, addonsFor, type Addon } from "./addons.ts";
import { rolloutManagedFields } from "./rollout-managed-fields.ts";
import { ARGOCD_FOLDER, ARGOCD_NAMESPACE, IN_CLUSTER, repoPath } from "./paths.ts";
import { CLUSTER_FOLDER } from "../resource-group.ts";

/** The name of the AppProject of platform-owned Applications (add-ons, `_cluster`). */
export const PLATFORM_PROJECT = "platform";

const SYNC_WAVE = "argocd.argoproj.io/sync-wave";

const automated = { prune: true, selfHeal: true, allowEmpty: false };
const retry = { limit: 10, backoff: { duration: "10s", factor: 2, maxDuration: "5m" } };

/** The cluster-scoped kinds the platform project may manage (add-on charts install CRDs, webhooks and RBAC). */
export const PLATFORM_CLUSTER_KINDS: readonly { group: string; kind: string }[] = [
  { group: "", kind: "Namespace" },
  { group: "apiextensions.k8s.io", kind: "CustomResourceDefinition" },
  { group: "admissionregistration.k8s.io", kind: "MutatingWebhookConfiguration" },
  { group: "admissionregistration.k8s.io", kind: "ValidatingWebhookConfiguration" },
  { group: "rbac.authorization.k8s.io", kind: "ClusterRole" },
  { group: "rbac.authorization.k8s.io", kind: "ClusterRoleBinding" },
  { group: "gateway.networking.k8s.io", kind: "GatewayClass" },
  { group: "snapshot.storage.k8s.io", kind: "VolumeSnapshotClass" },
  { group: "external-secrets.io", kind: "ClusterSecretStore" },
  { group: "cert-manager.io", kind: "ClusterIssuer" },
];

/**
 * A tenant's AppProject: only the platform repository, only the tenant's namespace on this cluster, and no
 * cluster-scoped kinds at all (its Namespace is rendered into `_cluster/` and synced by the platform).
 */
export function buildTenantProject(tenant: ResolvedTenant, environment: ResolvedEnvironment): AppProject {
  return new AppProject({
    metadata: { name: tenant.name, namespace: ARGOCD_NAMESPACE, labels: tenantLabels(tenant), annotations: { [SYNC_WAVE]: "-10" } },
    spec: {
      description: `Tenant ${tenant.name} (team ${tenant.team}) in ${environment.name}`,
      sourceRepos: [environment.delivery.repoUrl],
      destinations: [{ server: IN_CLUSTER, namespace: tenant.name }],
      clusterResourceWhitelist: [],
      orphanedResources: { warn: true },
    },
  });
}

/** The platform's AppProject: the platform repository and the pinned chart repositories, platform namespaces only. */
export function buildPlatformProject(environment: ResolvedEnvironment, tenants: readonly ResolvedTenant[]): AppProject {
  const repos = [environment.delivery.repoUrl, ...addonsFor(environment).map((a) => a.source.repoUrl)];
  const namespaces = [...new Set(["istio-system", "kube-system", environment.mesh.ingress.namespace, ...addonNamespaces(environment), ...tenants.map((t) => t.name)])].sort();
  return new AppProject({
    metadata: { name: PLATFORM_PROJECT, namespace: ARGOCD_NAMESPACE, labels: { ...PLATFORM_LABELS }, annotations: { [SYNC_WAVE]: "-10" } },
    spec: {
      description: `Platform add-ons and cluster-wide objects of ${environment.name}`,
      sourceRepos: [...new Set(repos)].sort(),
      destinations: namespaces.map((namespace) => ({ server: IN_CLUSTER, namespace })),
      clusterResourceWhitelist: PLATFORM_CLUSTER_KINDS.map((k) => ({ ...k })),
    },
  });
}

/**
 * The platform Application: `_cluster/` (namespaces, mesh-wide mTLS, the ingress gateway). It syncs first, so every
 * namespace exists before the add-ons and tenants that use it (`CreateNamespace=false` everywhere).
 */
export function buildPlatformApplication(environment: ResolvedEnvironment): Application {
  return new Application({
    metadata: {
      name: PLATFORM_PROJECT,
      namespace: ARGOCD_NAMESPACE,
      labels: { ...PLATFORM_LABELS },
      annotations: { [SYNC_WAVE]: "-6" },
      finalizers: ["resources-finalizer.argocd.argoproj.io"],
    },
    spec: {
      project: PLATFORM_PROJECT,
      source: { repoURL: environment.delivery.repoUrl, targetRevision: environment.delivery.revision, path: repoPath(environment, CLUSTER_FOLDER) },
      destination: { server: IN_CLUSTER },
      syncPolicy: { automated, syncOptions: ["CreateNamespace=false", "ServerSideApply=true"], retry },
    },
  });
}

/**
 * A tenant's Application: `<tenant>/` into the tenant's namespace, after the platform and add-ons. The fields Argo
 * Rollouts owns in its services' objects (canary weights, pod-template hashes) are ignored in diffs and kept as they
 * are live when Argo CD applies a change (`RespectIgnoreDifferences`), so a sync never resets a release in progress.
 */
export function buildTenantApplication(tenant: ResolvedTenant, environment: ResolvedEnvironment, services: readonly ResolvedService[] = []): Application {
  const ignoreDifferences = services
    .filter((s) => s.tenant === tenant.name)
    .flatMap((s) => rolloutManagedFields(s, environment))
    .map((f) => ({ ...f, jqPathExpressions: [...f.jqPathExpressions] }));
  return new Application({
    metadata: {
      name: tenant.name,
      namespace: ARGOCD_NAMESPACE,
      labels: tenantLabels(tenant),
      annotations: { [SYNC_WAVE]: "1" },
      finalizers: ["resources-finalizer.argocd.argoproj.io"],
    },
    spec: {
      project: tenant.name,
      source: { repoURL: environment.delivery.repoUrl, targetRevision: environment.delivery.revision, path: repoPath(environment, tenant.name) },
      destination: { server: IN_CLUSTER, namespace: tenant.name },
      ...(ignoreDifferences.length > 0 ? { ignoreDifferences } : {}),
      syncPolicy: { automated, syncOptions: ["CreateNamespace=false", ...(ignoreDifferences.length > 0 ? ["RespectIgnoreDifferences=true"] : [])], retry },
    },
  });
}

/** An add-on's Application: its pinned chart (or Git tag) with this environment's values. */
export function buildAddonApplication(addon: Addon, environment: ResolvedEnvironment): Application {
  const source =
    addon.source.kind === "helm"
      ? {
          repoURL: addon.source.repoUrl,
          chart: addon.source.chart,
          targetRevision: addon.source.version,
          helm: { releaseName: addon.name, valuesObject: addon.values },
        }
      : { repoURL: addon.source.repoUrl, path: addon.source.path, targetRevision: addon.source.revision };
  return new Application({
    metadata: {
      name: addon.name,
      namespace: ARGOCD_NAMESPACE,
      labels: { ...PLATFORM_LABELS },
      annotations: { [SYNC_WAVE]: String(addon.wave) },
      finalizers: ["resources-finalizer.argocd.argoproj.io"],
    },
    spec: {
      project: PLATFORM_PROJECT,
      source,
      destination: { server: IN_CLUSTER, namespace: addon.namespace },
      syncPolicy: {
        automated,
        syncOptions: ["CreateNamespace=false", ...(addon.serverSideApply ? ["ServerSideApply=true"] : [])],
        retry,
      },
    },
  });
}

/**
 * The root Application (app of apps): applied once by hand, it syncs `_argocd/` — the projects and every other
 * Application of the environment. In the built-in `default` project, since it creates the other projects.
 */
export function buildRootApplication(environment: ResolvedEnvironment): Application {
  return new Application({
    metadata: { name: "root", namespace: ARGOCD_NAMESPACE, labels: { ...PLATFORM_LABELS }, finalizers: ["resources-finalizer.argocd.argoproj.io"] },
    spec: {
      project: "default",
      source: { repoURL: environment.delivery.repoUrl, targetRevision: environment.delivery.revision, path: repoPath(environment, ARGOCD_FOLDER) },
      destination: { server: IN_CLUSTER, namespace: ARGOCD_NAMESPACE },
      syncPolicy: { automated, syncOptions: ["CreateNamespace=false"], retry },
    },
  });
}
