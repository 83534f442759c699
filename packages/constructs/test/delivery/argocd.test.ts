import { describe, expect, it } from "vitest";
import {
  addonsFor,
  buildAddonApplication,
  buildPlatformApplication,
  buildPlatformProject,
  buildRootApplication,
  buildTenantApplication,
  buildTenantProject,
  IN_CLUSTER,
  PLATFORM_CLUSTER_KINDS,
  tenantLabels,
  validationMessages,
} from "../../src/index.ts";
import { modelOf } from "../fixtures.ts";

const prod = modelOf("prod-us-west-2");
const dev = modelOf("dev");
const shop = prod.tenants.find((t) => t.name === "shop")!;

const PLATFORM_LABELS = { "app.kubernetes.io/part-of": "platform", "app.kubernetes.io/managed-by": "cloudlab" };
const REPO = "https://github.com/cloud-lab/platform.git";
const SYNC_POLICY = {
  automated: { prune: true, selfHeal: true, allowEmpty: false },
  retry: { limit: 10, backoff: { duration: "10s", factor: 2, maxDuration: "5m" } },
};
const FINALIZERS = ["resources-finalizer.argocd.argoproj.io"];

describe("buildTenantProject", () => {
  it("allows only the platform repository and the tenant's namespace on this cluster, and no cluster-scoped kind", () => {
    const project = buildTenantProject(shop, prod.environment);
    expect(project.toJSON()).toEqual({
      apiVersion: "argoproj.io/v1alpha1",
      kind: "AppProject",
      metadata: { name: "shop", namespace: "argocd", labels: tenantLabels(shop), annotations: { "argocd.argoproj.io/sync-wave": "-10" } },
      spec: {
        description: "Tenant shop (team shop-team) in prod-us-west-2",
        sourceRepos: [REPO],
        destinations: [{ server: "https://kubernetes.default.svc", namespace: "shop" }],
        clusterResourceWhitelist: [],
        orphanedResources: { warn: true },
      },
    });
    expect(validationMessages(project)).toEqual([]);
  });

  it("targets the cluster Argo CD runs in", () => {
    expect(IN_CLUSTER).toBe("https://kubernetes.default.svc");
  });
});

describe("buildPlatformProject", () => {
  it("allows the platform repository and every pinned chart repository, sorted", () => {
    expect(buildPlatformProject(prod.environment, prod.tenants).spec!.sourceRepos).toEqual([
      "https://argoproj.github.io/argo-helm",
      "https://charts.external-secrets.io",
      "https://charts.jetstack.io",
      "https://fluent.github.io/helm-charts",
      "https://github.com/cloud-lab/platform.git",
      "https://github.com/kubernetes-sigs/gateway-api.git",
      "https://istio-release.storage.googleapis.com/charts",
      "https://jaegertracing.github.io/helm-charts",
      "https://prometheus-community.github.io/helm-charts",
      "https://vmware-tanzu.github.io/helm-charts",
    ]);
  });

  it("allows the platform namespaces, the ingress namespace and the tenants' namespaces (it syncs their Namespaces)", () => {
    expect(buildPlatformProject(prod.environment, prod.tenants).spec!.destinations).toEqual(
      ["argo-rollouts", "cert-manager", "external-secrets", "istio-ingress", "istio-system", "kube-system", "logging", "monitoring", "shop", "storefront", "tracing", "velero"].map((namespace) => ({
        server: IN_CLUSTER,
        namespace,
      })),
    );
  });

  it("allows exactly the cluster-scoped kinds the add-on charts and _cluster/ install", () => {
    const project = buildPlatformProject(prod.environment, prod.tenants);
    expect(project.spec!.clusterResourceWhitelist).toEqual([
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
    ]);
    expect(project.spec!.clusterResourceWhitelist).toEqual(PLATFORM_CLUSTER_KINDS);
    expect(project.metadata!.annotations).toEqual({ "argocd.argoproj.io/sync-wave": "-10" });
    expect(validationMessages(project)).toEqual([]);
  });
});

describe("buildPlatformApplication", () => {
  it("syncs _cluster/ in wave -6 with server-side apply, never creating a namespace", () => {
    const app = buildPlatformApplication(prod.environment);
    expect(app.toJSON()).toEqual({
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Application",
      metadata: { name: "platform", namespace: "argocd", labels: PLATFORM_LABELS, annotations: { "argocd.argoproj.io/sync-wave": "-6" }, finalizers: FINALIZERS },
      spec: {
        project: "platform",
        source: { repoURL: REPO, targetRevision: "main", path: "environments/prod-us-west-2/_cluster" },
        destination: { server: IN_CLUSTER },
        syncPolicy: { ...SYNC_POLICY, syncOptions: ["CreateNamespace=false", "ServerSideApply=true"] },
      },
    });
    expect(validationMessages(app)).toEqual([]);
  });
});

describe("buildTenantApplication", () => {
  it("syncs the tenant's folder into its namespace, in its own project, in wave 1, without ignoreDifferences", () => {
    const app = buildTenantApplication(shop, prod.environment);
    expect(app.toJSON()).toEqual({
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Application",
      metadata: { name: "shop", namespace: "argocd", labels: tenantLabels(shop), annotations: { "argocd.argoproj.io/sync-wave": "1" }, finalizers: FINALIZERS },
      spec: {
        project: "shop",
        source: { repoURL: REPO, targetRevision: "main", path: "environments/prod-us-west-2/shop" },
        destination: { server: IN_CLUSTER, namespace: "shop" },
        syncPolicy: { ...SYNC_POLICY, syncOptions: ["CreateNamespace=false"] },
      },
    });
    expect(validationMessages(app)).toEqual([]);
  });

  it("follows the environment's repository and branch", () => {
    const environment = { ...dev.environment, delivery: { ...dev.environment.delivery, repoUrl: "https://git.example.com/p.git", revision: "release" } };
    expect(buildTenantApplication(shop, environment).spec!.source).toEqual({
      repoURL: "https://git.example.com/p.git",
      targetRevision: "release",
      path: "environments/dev/shop",
    });
  });
});

describe("buildAddonApplication", () => {
  /** name → [wave, sync options] for every add-on of the prod primary. */
  const table = Object.fromEntries(
    addonsFor(prod.environment).map((addon) => {
      const app = buildAddonApplication(addon, prod.environment);
      return [addon.name, [app.metadata!.annotations!["argocd.argoproj.io/sync-wave"], app.spec!.syncPolicy!.syncOptions]];
    }),
  );

  it("puts CRDs in wave -5, the control plane in -4, gateways and observability in -3; server-side apply only for large CRDs", () => {
    expect(table).toEqual({
      "gateway-api-crds": ["-5", ["CreateNamespace=false", "ServerSideApply=true"]],
      "istio-base": ["-5", ["CreateNamespace=false", "ServerSideApply=true"]],
      "istio-cni": ["-4", ["CreateNamespace=false"]],
      istiod: ["-4", ["CreateNamespace=false"]],
      "external-secrets": ["-4", ["CreateNamespace=false", "ServerSideApply=true"]],
      "cert-manager": ["-4", ["CreateNamespace=false", "ServerSideApply=true"]],
      "istio-eastwestgateway": ["-3", ["CreateNamespace=false"]],
      "kube-prometheus-stack": ["-3", ["CreateNamespace=false", "ServerSideApply=true"]],
      jaeger: ["-3", ["CreateNamespace=false"]],
      "fluent-bit": ["-3", ["CreateNamespace=false"]],
      "argo-rollouts": ["-3", ["CreateNamespace=false", "ServerSideApply=true"]],
      velero: ["-3", ["CreateNamespace=false"]],
    });
  });

  it("installs a Helm add-on from its pinned chart version with this environment's values", () => {
    const istiod = addonsFor(prod.environment).find((a) => a.name === "istiod")!;
    const app = buildAddonApplication(istiod, prod.environment);
    expect(app.spec!.source).toEqual({
      repoURL: "https://istio-release.storage.googleapis.com/charts",
      chart: "istiod",
      targetRevision: "1.20.8",
      helm: { releaseName: "istiod", valuesObject: istiod.values },
    });
    expect(app.spec!.destination).toEqual({ server: IN_CLUSTER, namespace: "istio-system" });
    expect(app.spec!.project).toBe("platform");
    expect(app.spec!.syncPolicy!.automated).toEqual({ prune: true, selfHeal: true, allowEmpty: false });
    expect(validationMessages(app)).toEqual([]);
  });

  it("installs the Gateway API CRDs from a folder of their repository at a pinned tag", () => {
    const crds = addonsFor(prod.environment).find((a) => a.name === "gateway-api-crds")!;
    expect(buildAddonApplication(crds, prod.environment).spec!.source).toEqual({
      repoURL: "https://github.com/kubernetes-sigs/gateway-api.git",
      path: "config/crd/standard",
      targetRevision: "v1.0.0",
    });
  });

  it("has no ignoreDifferences: no rendered field is managed by a controller", () => {
    for (const addon of addonsFor(prod.environment)) {
      expect(buildAddonApplication(addon, prod.environment).spec, addon.name).not.toHaveProperty("ignoreDifferences");
    }
  });
});

describe("buildRootApplication", () => {
  it("is the app of apps: syncs _argocd/ into argocd, in the default project, with no wave", () => {
    const root = buildRootApplication(prod.environment);
    expect(root.toJSON()).toEqual({
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Application",
      metadata: { name: "root", namespace: "argocd", labels: PLATFORM_LABELS, finalizers: FINALIZERS },
      spec: {
        project: "default",
        source: { repoURL: REPO, targetRevision: "main", path: "environments/prod-us-west-2/_argocd" },
        destination: { server: IN_CLUSTER, namespace: "argocd" },
        syncPolicy: { ...SYNC_POLICY, syncOptions: ["CreateNamespace=false"] },
      },
    });
    expect(validationMessages(root)).toEqual([]);
  });
});
