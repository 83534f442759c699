import { EnvironmentChart, INFRA_FOLDER, KubeObject, ResourceGroup } from "@cloudlab/constructs";
import type { EnvironmentModel } from "@cloudlab/model";
import { App } from "cdk8s";
import { objectId, RENDER_ANALYSES, type Manifest } from "./analysis/index.ts";
import { KUSTOMIZATION_FILE, kustomizationYaml } from "./kustomization.ts";
import { manifestYaml } from "./manifest-yaml.ts";
import { withArgoCdSyncAnnotations } from "./steps/argocd-sync-annotations.ts";
import type { RenderedFile, RenderProblem } from "./rendered-file.ts";

/** The files of one environment, or the problems that stop it from being written. */
export interface EnvironmentRender {
  /** Sorted by path; includes the environment's `kustomization.yaml`. */
  readonly files: readonly RenderedFile[];
  /** Every object that failed its model's validation, or clashed with another's file. */
  readonly problems: readonly RenderProblem[];
}

/**
 * Renders one environment: builds its cdk8s construct tree, runs every object's validation, and turns each object
 * into one file at `<env>/<group folder>/<kind>-<name>.yaml`. Pure: nothing is written.
 */
export function renderEnvironment(model: EnvironmentModel): EnvironmentRender {
  const envName = model.environment.name;
  const app = new App();
  const chart = new EnvironmentChart(app, envName, { model });
  const objects = chart.node.findAll().filter((c): c is KubeObject => c instanceof KubeObject);
  const problems: RenderProblem[] = [];
  const files = new Map<string, string>();
  // The file each object identity (API group, kind, namespace, name) went to: two objects with one identity (e.g. a
  // stateful `cache`'s `cache-headless` Service and a service named `cache-headless`) would overwrite each other.
  const identities = new Map<string, string>();
  const argocd = model.environment.delivery.argocd;
  const manifests = objects.map((o) => o.toJson() as Manifest);
  const fileOf = new Map<string, string>();
  for (const [index, object] of objects.entries()) {
    const manifest = manifests[index]!;
    const group = ResourceGroup.of(object);
    const folder = group?.folder ?? "_cluster";
    const id = objectId(manifest);
    const file = group?.sourceFile ?? model.environment.file;
    fileOf.set(id, file);
    for (const message of object.node.validate()) problems.push({ environment: envName, file, object: id, message });
    const path = `${folder}/${object.fileName ?? `${manifest.kind.toLowerCase()}-${manifest.metadata.name}.yaml`}`;
    if (files.has(path)) {
      problems.push({ environment: envName, file, object: id, message: `renders to ${envName}/${path}, which another object already uses` });
      continue;
    }
    const identity = `${manifest.apiVersion.includes("/") ? manifest.apiVersion.split("/")[0] : ""}/${id}`;
    const owner = identities.get(identity);
    if (owner !== undefined) {
      problems.push({ environment: envName, file, object: id, message: `is already rendered to ${envName}/${owner}` });
      continue;
    }
    identities.set(identity, path);
    const synced = argocd && isStateFolder(folder);
    files.set(path, manifestYaml(synced ? withArgoCdSyncAnnotations(manifest) : manifest));
  }
  // Cross-object analyses (mutual TLS never relaxed, route targets exist) over the whole environment.
  for (const analysis of RENDER_ANALYSES) {
    for (const finding of analysis(manifests)) {
      problems.push({ environment: envName, file: fileOf.get(finding.object) ?? model.environment.file, object: finding.object, message: finding.message });
    }
  }
  for (const [path, content] of kustomizations([...files.keys()])) files.set(path, content);
  const sorted = [...files.entries()]
    .map(([path, content]) => ({ path: `${envName}/${path}`, content }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, problems };
}

/** Folders that hold the cluster's desired state (as opposed to the delivery objects that sync them). */
function isStateFolder(folder: string): boolean {
  return !folder.startsWith("_") || folder === "_cluster";
}

/**
 * The kustomizations of an environment: one per synced folder (`_cluster/`, each tenant, `_argocd/`, `_flux/`), each
 * listing its files, and the environment's own listing every desired-state file (the cluster's whole content,
 * without the delivery objects), so each folder builds with `kubectl kustomize`.
 */
function kustomizations(paths: readonly string[]): Map<string, string> {
  const byFolder = new Map<string, string[]>();
  for (const path of paths) {
    const top = path.split("/")[0]!;
    // Applied by hand (bootstrap objects; the cluster definition and restores of `_infra/`): in no kustomization.
    if (top === "_bootstrap" || top === INFRA_FOLDER) continue;
    const list = byFolder.get(top) ?? [];
    list.push(path.slice(top.length + 1));
    byFolder.set(top, list);
  }
  const out = new Map<string, string>();
  for (const [folder, files] of byFolder) out.set(`${folder}/${KUSTOMIZATION_FILE}`, kustomizationYaml(files));
  out.set(KUSTOMIZATION_FILE, kustomizationYaml(paths.filter((p) => isStateFolder(p.split("/")[0]!))));
  return out;
}
