import type { EnvironmentModel } from "@cloudlab/model";
import { Construct } from "constructs";
import { addonsFor } from "./delivery/addons.ts";
import {
  buildAddonApplication,
  buildPlatformApplication,
  buildPlatformProject,
  buildRootApplication,
  buildTenantApplication,
  buildTenantProject,
} from "./delivery/argocd.ts";
import {
  buildGitAddon,
  buildHelmRelease,
  buildHelmRepository,
  buildPlatformGitRepository,
  buildPlatformKustomization,
  buildRootKustomization,
  buildTenantKustomization,
} from "./delivery/flux.ts";
import { ARGOCD_FOLDER, BOOTSTRAP_FOLDER, FLUX_FOLDER } from "./delivery/paths.ts";
import { KubeObject } from "./kube-object.ts";
import { ResourceGroup } from "./resource-group.ts";

/** Props of {@link DeliveryResources}. */
export interface DeliveryResourcesProps {
  /** The environment with its tenants. */
  readonly model: EnvironmentModel;
}

/**
 * The GitOps objects that deliver an environment to its cluster: Argo CD (`_argocd/`, bootstrapped by
 * `_bootstrap/argocd/root.yaml`) and/or Flux (`_flux/`, bootstrapped by `_bootstrap/flux/`), as the environment
 * chooses. Owned by the platform team.
 */
export class DeliveryResources extends Construct {
  public constructor(scope: Construct, id: string, props: DeliveryResourcesProps) {
    super(scope, id);
    const { environment, tenants, services } = props.model;
    const file = environment.file;
    const addons = addonsFor(environment);
    if (environment.delivery.argocd) {
      const apps = new ResourceGroup(this, "argocd", ARGOCD_FOLDER, file);
      new KubeObject(apps, buildPlatformProject(environment, tenants));
      new KubeObject(apps, buildPlatformApplication(environment));
      for (const tenant of tenants) {
        new KubeObject(apps, buildTenantProject(tenant, environment));
        new KubeObject(apps, buildTenantApplication(tenant, environment, services));
      }
      for (const addon of addons) new KubeObject(apps, buildAddonApplication(addon, environment));
      const bootstrap = new ResourceGroup(this, "argocd-bootstrap", `${BOOTSTRAP_FOLDER}/argocd`, file);
      new KubeObject(bootstrap, buildRootApplication(environment), { fileName: "root.yaml" });
    }
    if (environment.delivery.flux) {
      const flux = new ResourceGroup(this, "flux", FLUX_FOLDER, file);
      new KubeObject(flux, buildPlatformKustomization(environment));
      for (const tenant of tenants) new KubeObject(flux, buildTenantKustomization(tenant, environment));
      const repositories = new Map<string, string>();
      for (const addon of addons) {
        if (addon.source.kind === "helm") repositories.set(addon.source.repoName, addon.source.repoUrl);
        const release = buildHelmRelease(addon);
        if (release !== undefined) new KubeObject(flux, release);
        for (const object of buildGitAddon(addon) ?? []) new KubeObject(flux, object);
      }
      for (const [name, url] of [...repositories.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        new KubeObject(flux, buildHelmRepository(name, url));
      }
      const bootstrap = new ResourceGroup(this, "flux-bootstrap", `${BOOTSTRAP_FOLDER}/flux`, file);
      new KubeObject(bootstrap, buildPlatformGitRepository(environment));
      new KubeObject(bootstrap, buildRootKustomization(environment));
    }
  }
}
