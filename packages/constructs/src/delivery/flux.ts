import type { ResolvedEnvironment, ResolvedTenant } from "@cloudlab/model";
import { HelmRelease } from "@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2beta2/HelmRelease";
import { Kustomization } from "@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization";
import { GitRepository } from "@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/GitRepository";
import { HelmRepository } from "@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1beta2/HelmRepository";
import { tenantLabels } from "../labels.ts";
import { PLATFORM_LABELS } from "../objects/ingress-gateway.ts";
import { CLUSTER_FOLDER } from "../resource-group.ts";
import type { Addon } from "./addons.ts";
import { FLUX_FOLDER, FLUX_NAMESPACE, repoPath } from "./paths.ts";

/** The GitRepository every Kustomization of the environment reads. */
export const PLATFORM_SOURCE = "platform";

const sourceRef = { kind: "GitRepository" as const, name: PLATFORM_SOURCE };

/** The platform repository as a Flux source (bootstrap). */
export function buildPlatformGitRepository(environment: ResolvedEnvironment): GitRepository {
  return new GitRepository({
    metadata: { name: PLATFORM_SOURCE, namespace: FLUX_NAMESPACE, labels: { ...PLATFORM_LABELS } },
    spec: { interval: "1m", url: environment.delivery.repoUrl, ref: { branch: environment.delivery.revision } },
  });
}

/** The root Kustomization (bootstrap): syncs `_flux/`, which holds every other Flux object of the environment. */
export function buildRootKustomization(environment: ResolvedEnvironment): Kustomization {
  return new Kustomization({
    metadata: { name: "root", namespace: FLUX_NAMESPACE, labels: { ...PLATFORM_LABELS } },
    spec: { interval: "10m", path: `./${repoPath(environment, FLUX_FOLDER)}`, prune: true, wait: true, sourceRef },
  });
}

/** The platform Kustomization: `_cluster/` (namespaces, mesh-wide mTLS, the ingress gateway). */
export function buildPlatformKustomization(environment: ResolvedEnvironment): Kustomization {
  return new Kustomization({
    metadata: { name: "platform", namespace: FLUX_NAMESPACE, labels: { ...PLATFORM_LABELS } },
    spec: { interval: "10m", retryInterval: "1m", path: `./${repoPath(environment, CLUSTER_FOLDER)}`, prune: true, wait: true, sourceRef },
  });
}

/** A tenant's Kustomization: `<tenant>/`, after the platform one. */
export function buildTenantKustomization(tenant: ResolvedTenant, environment: ResolvedEnvironment): Kustomization {
  return new Kustomization({
    metadata: { name: tenant.name, namespace: FLUX_NAMESPACE, labels: tenantLabels(tenant) },
    spec: {
      interval: "10m",
      retryInterval: "1m",
      path: `./${repoPath(environment, tenant.name)}`,
      prune: true,
      wait: true,
      sourceRef,
      dependsOn: [{ name: "platform" }],
    },
  });
}

/** A chart repository of the add-ons. */
export function buildHelmRepository(name: string, url: string): HelmRepository {
  return new HelmRepository({
    metadata: { name, namespace: FLUX_NAMESPACE, labels: { ...PLATFORM_LABELS } },
    spec: { interval: "1h", url },
  });
}

/** A Git-sourced add-on (the Gateway API CRDs): its repository at a pinned tag and a Kustomization of its folder. */
export function buildGitAddon(addon: Addon): [GitRepository, Kustomization] | undefined {
  if (addon.source.kind !== "git") return undefined;
  return [
    new GitRepository({
      metadata: { name: addon.source.repoName, namespace: FLUX_NAMESPACE, labels: { ...PLATFORM_LABELS } },
      spec: { interval: "1h", url: addon.source.repoUrl, ref: { tag: addon.source.revision } },
    }),
    new Kustomization({
      metadata: { name: addon.name, namespace: FLUX_NAMESPACE, labels: { ...PLATFORM_LABELS } },
      spec: { interval: "1h", path: `./${addon.source.path}`, prune: false, wait: true, sourceRef: { kind: "GitRepository", name: addon.source.repoName } },
    }),
  ];
}

/** A Helm add-on's HelmRelease: pinned chart version, this environment's values, CRDs created and upgraded. */
export function buildHelmRelease(addon: Addon): HelmRelease | undefined {
  if (addon.source.kind !== "helm") return undefined;
  return new HelmRelease({
    metadata: { name: addon.name, namespace: FLUX_NAMESPACE, labels: { ...PLATFORM_LABELS } },
    spec: {
      interval: "10m",
      releaseName: addon.name,
      targetNamespace: addon.namespace,
      chart: { spec: { chart: addon.source.chart, version: addon.source.version, sourceRef: { kind: "HelmRepository", name: addon.source.repoName } } },
      install: { crds: "CreateReplace", remediation: { retries: 3 } },
      upgrade: { crds: "CreateReplace", remediation: { retries: 3 } },
      ...(addon.dependsOn.length > 0 ? { dependsOn: addon.dependsOn.map((name) => ({ name })) } : {}),
      values: addon.values,
    },
  });
}
