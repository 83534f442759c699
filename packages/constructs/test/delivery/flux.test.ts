import { describe, expect, it } from "vitest";
import {
  addonsFor,
  buildGitAddon,
  buildHelmRelease,
  buildHelmRepository,
  buildPlatformGitRepository,
  buildPlatformKustomization,
  buildRootKustomization,
  buildTenantKustomization,
  tenantLabels,
  validationMessages,
} from "../../src/index.ts";
import { modelOf } from "../fixtures.ts";

const staging = modelOf("staging");
const shop = staging.tenants.find((t) => t.name === "shop")!;
const PLATFORM_LABELS = { "app.kubernetes.io/part-of": "platform", "app.kubernetes.io/managed-by": "cloudlab" };
const SOURCE = { kind: "GitRepository", name: "platform" };

describe("buildTenantKustomization", () => {
  it("syncs the tenant's folder after the platform one, pruning and waiting for health", () => {
    const kustomization = buildTenantKustomization(shop, staging.environment);
    expect(kustomization.toJSON()).toEqual({
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
      kind: "Kustomization",
      metadata: { name: "shop", namespace: "flux-system", labels: tenantLabels(shop) },
      spec: {
        interval: "10m",
        retryInterval: "1m",
        path: "./environments/staging/shop",
        prune: true,
        wait: true,
        sourceRef: SOURCE,
        dependsOn: [{ name: "platform" }],
      },
    });
    expect(validationMessages(kustomization)).toEqual([]);
  });
});

describe("buildPlatformKustomization", () => {
  it("syncs _cluster/ first: it depends on nothing", () => {
    const kustomization = buildPlatformKustomization(staging.environment);
    expect(kustomization.toJSON()).toEqual({
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
      kind: "Kustomization",
      metadata: { name: "platform", namespace: "flux-system", labels: PLATFORM_LABELS },
      spec: { interval: "10m", retryInterval: "1m", path: "./environments/staging/_cluster", prune: true, wait: true, sourceRef: SOURCE },
    });
    expect(validationMessages(kustomization)).toEqual([]);
  });
});

describe("bootstrap", () => {
  it("is the platform repository on the environment's branch and a root Kustomization of _flux/", () => {
    const repository = buildPlatformGitRepository(staging.environment);
    const root = buildRootKustomization(staging.environment);
    expect(repository.toJSON()).toEqual({
      apiVersion: "source.toolkit.fluxcd.io/v1",
      kind: "GitRepository",
      metadata: { name: "platform", namespace: "flux-system", labels: PLATFORM_LABELS },
      spec: { interval: "1m", url: "https://github.com/cloud-lab/platform.git", ref: { branch: "main" } },
    });
    expect(root.toJSON()).toEqual({
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
      kind: "Kustomization",
      metadata: { name: "root", namespace: "flux-system", labels: PLATFORM_LABELS },
      spec: { interval: "10m", path: "./environments/staging/_flux", prune: true, wait: true, sourceRef: SOURCE },
    });
    expect(validationMessages(repository)).toEqual([]);
    expect(validationMessages(root)).toEqual([]);
  });
});

describe("buildHelmRelease", () => {
  const addons = addonsFor(modelOf("prod-us-west-2").environment);

  it("pins every Helm add-on's chart to an exact version, into the add-on's namespace, after the add-ons it depends on", () => {
    const table = addons.flatMap((addon) => {
      const release = buildHelmRelease(addon);
      if (release === undefined) return [];
      const { chart, targetNamespace, dependsOn } = release.spec!;
      return [[addon.name, chart.spec!.chart, chart.spec!.version, chart.spec!.sourceRef.name, targetNamespace, (dependsOn ?? []).map((d) => d.name)]];
    });
    expect(table).toEqual([
      ["istio-base", "base", "1.20.8", "istio", "istio-system", []],
      ["istio-cni", "cni", "1.20.8", "istio", "kube-system", ["istio-base"]],
      ["istiod", "istiod", "1.20.8", "istio", "istio-system", ["istio-base", "istio-cni"]],
      ["external-secrets", "external-secrets", "0.10.5", "external-secrets", "external-secrets", []],
      ["cert-manager", "cert-manager", "v1.14.5", "jetstack", "cert-manager", []],
      ["istio-eastwestgateway", "gateway", "1.20.8", "istio", "istio-system", ["istiod"]],
      ["kube-prometheus-stack", "kube-prometheus-stack", "56.21.4", "prometheus-community", "monitoring", []],
      ["jaeger", "jaeger", "3.0.10", "jaegertracing", "tracing", []],
      ["fluent-bit", "fluent-bit", "0.46.7", "fluent", "logging", []],
      ["argo-rollouts", "argo-rollouts", "2.35.1", "argo", "argo-rollouts", ["istio-base"]],
      ["velero", "velero", "7.2.1", "vmware-tanzu", "velero", []],
    ]);
    // Exact versions; cert-manager's charts are versioned with a leading `v`.
    for (const [, , version] of table) expect(version).toMatch(/^v?\d+\.\d+\.\d+$/);
  });

  it("lives in flux-system, creates and upgrades CRDs, and carries the add-on's values", () => {
    const istiod = addons.find((a) => a.name === "istiod")!;
    const release = buildHelmRelease(istiod)!;
    expect(release.metadata).toEqual({ name: "istiod", namespace: "flux-system", labels: PLATFORM_LABELS });
    expect(release.spec).toMatchObject({
      interval: "10m",
      releaseName: "istiod",
      install: { crds: "CreateReplace", remediation: { retries: 3 } },
      upgrade: { crds: "CreateReplace", remediation: { retries: 3 } },
      values: istiod.values,
    });
    expect(validationMessages(release)).toEqual([]);
  });

  it("is undefined for a Git-sourced add-on", () => {
    expect(buildHelmRelease(addons.find((a) => a.name === "gateway-api-crds")!)).toBeUndefined();
  });
});

describe("buildGitAddon", () => {
  it("is the Gateway API repository at its pinned tag and a Kustomization of the CRD folder that never prunes", () => {
    const [repository, kustomization] = buildGitAddon(addonsFor(staging.environment).find((a) => a.name === "gateway-api-crds")!)!;
    expect(repository.toJSON()).toEqual({
      apiVersion: "source.toolkit.fluxcd.io/v1",
      kind: "GitRepository",
      metadata: { name: "gateway-api", namespace: "flux-system", labels: PLATFORM_LABELS },
      spec: { interval: "1h", url: "https://github.com/kubernetes-sigs/gateway-api.git", ref: { tag: "v1.0.0" } },
    });
    expect(kustomization.toJSON()).toEqual({
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
      kind: "Kustomization",
      metadata: { name: "gateway-api-crds", namespace: "flux-system", labels: PLATFORM_LABELS },
      spec: { interval: "1h", path: "./config/crd/standard", prune: false, wait: true, sourceRef: { kind: "GitRepository", name: "gateway-api" } },
    });
  });

  it("is undefined for a Helm add-on", () => {
    expect(buildGitAddon(addonsFor(staging.environment).find((a) => a.name === "istiod")!)).toBeUndefined();
  });
});

describe("buildHelmRepository", () => {
  it("is a chart repository in flux-system", () => {
    const repository = buildHelmRepository("istio", "https://istio-release.storage.googleapis.com/charts");
    expect(repository.toJSON()).toEqual({
      apiVersion: "source.toolkit.fluxcd.io/v1beta2",
      kind: "HelmRepository",
      metadata: { name: "istio", namespace: "flux-system", labels: PLATFORM_LABELS },
      spec: { interval: "1h", url: "https://istio-release.storage.googleapis.com/charts" },
    });
    expect(validationMessages(repository)).toEqual([]);
  });
});
