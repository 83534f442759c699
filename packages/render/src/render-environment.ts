import { ENVIRONMENT_UNIT, EnvironmentChart, INFRA_FOLDER, KubeObject, ResourceGroup, ServiceResources } from "@cloudlab/constructs";
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
  /**
   * The object each object file was written from, by path (kustomizations have none): what parsing the file gives,
   * handed to the PR gate so it does not parse the text again. Drop it once validated.
   */
  readonly documents: ReadonlyMap<string, unknown>;
  /** The object files of each render unit built (a service's `<tenant>/<service>`, or `_environment`), sorted. */
  readonly units: ReadonlyMap<string, readonly RenderedObject[]>;
}

/** An object file of a render unit, with the identity that no other object of the environment may share. */
export interface RenderedObject {
  /** e.g. `dev/boutique/frontend/deployment-frontend.yaml`. */
  readonly path: string;
  /** API group, kind, namespace and name: `apps/Deployment/boutique/frontend`. */
  readonly identity: string;
}

/** Options of {@link renderEnvironment}. */
export interface RenderEnvironmentOptions {
  /**
   * Build only these render units (see the constructs' `serviceUnit` and `ENVIRONMENT_UNIT`); the caller holds the
   * others' files from an earlier render. A partial render runs no cross-object analysis and writes no
   * kustomization (see {@link environmentKustomizations}): both need every object.
   * @default every unit
   */
  readonly units?: ReadonlySet<string>;
  /**
   * The identities (see {@link RenderedObject}) of the objects of the units not built, with their paths
   * (`<env>/…`), so a built object that takes one is still reported.
   * @default none
   */
  readonly otherIdentities?: ReadonlyMap<string, string>;
  /**
   * The kinds whose objects the caller validates against the same kubernetes-models validators right after the
   * render (the PR gate's `schema` rule, as `cloudlab synth` runs it): their per-object model validation is skipped
   * here so that each object is validated once, and a schema-invalid one is then the caller's to refuse. Objects of
   * every other kind (e.g. documents without a model class) are still validated here.
   * @default none: every object's model validation runs during the render
   */
  readonly validatedByCaller?: (apiVersion: string, kind: string) => boolean;
}

/**
 * Renders one environment: builds its cdk8s construct tree, runs every object's validation, and turns each object
 * into one file at `<env>/<group folder>/<kind>-<name>.yaml`. Pure: nothing is written.
 */
export function renderEnvironment(model: EnvironmentModel, options: RenderEnvironmentOptions = {}): EnvironmentRender {
  const envName = model.environment.name;
  const app = new App();
  const partial = options.units !== undefined;
  const chart = new EnvironmentChart(app, envName, { model, ...(partial ? { units: options.units } : {}) });
  const objects = chart.node.findAll().filter((c): c is KubeObject => c instanceof KubeObject);
  const problems: RenderProblem[] = [];
  const files = new Map<string, string>();
  const documents = new Map<string, unknown>();
  // The file each object identity (API group, kind, namespace, name) went to: two objects with one identity (e.g. a
  // stateful `cache`'s `cache-headless` Service and a service named `cache-headless`) would overwrite each other.
  const identities = new Map<string, string>(options.otherIdentities);
  const units = new Map<string, RenderedObject[]>();
  const argocd = model.environment.delivery.argocd;
  const manifests = objects.map((o) => o.toJson() as Manifest);
  const fileOf = new Map<string, string>();
  for (const [index, object] of objects.entries()) {
    const manifest = manifests[index]!;
    const group = ResourceGroup.of(object);
    const unit = group instanceof ServiceResources ? group.folder : ENVIRONMENT_UNIT;
    const folder = group?.folder ?? "_cluster";
    const id = objectId(manifest);
    const file = group?.sourceFile ?? model.environment.file;
    fileOf.set(id, file);
    if (options.validatedByCaller?.(manifest.apiVersion, manifest.kind) !== true) {
      for (const message of object.node.validate()) problems.push({ environment: envName, file, object: id, message });
    }
    const path = `${folder}/${object.fileName ?? `${manifest.kind.toLowerCase()}-${manifest.metadata.name}.yaml`}`;
    if (files.has(path)) {
      problems.push({ environment: envName, file, object: id, message: `renders to ${envName}/${path}, which another object already uses` });
      continue;
    }
    const identity = `${manifest.apiVersion.includes("/") ? manifest.apiVersion.split("/")[0] : ""}/${id}`;
    const owner = identities.get(identity);
    if (owner !== undefined) {
      problems.push({ environment: envName, file, object: id, message: `is already rendered to ${owner}` });
      continue;
    }
    identities.set(identity, `${envName}/${path}`);
    const unitObjects = units.get(unit) ?? [];
    unitObjects.push({ path: `${envName}/${path}`, identity });
    units.set(unit, unitObjects);
    const written = argocd && isStateFolder(folder) ? withArgoCdSyncAnnotations(manifest) : manifest;
    files.set(path, manifestYaml(written));
    documents.set(`${envName}/${path}`, written);
  }
  for (const list of units.values()) list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Cross-object analyses (mutual TLS never relaxed, PromQL) over the whole environment.
  for (const analysis of partial ? [] : RENDER_ANALYSES) {
    for (const finding of analysis(manifests)) {
      problems.push({ environment: envName, file: fileOf.get(finding.object) ?? model.environment.file, object: finding.object, message: finding.message });
    }
  }
  if (!partial) for (const [path, content] of kustomizations([...files.keys()])) files.set(path, content);
  const sorted = [...files.entries()]
    .map(([path, content]) => ({ path: `${envName}/${path}`, content }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, problems, documents, units };
}

/** Folders that hold the cluster's desired state (as opposed to the delivery objects that sync them). */
function isStateFolder(folder: string): boolean {
  return !folder.startsWith("_") || folder === "_cluster";
}

/**
 * The kustomization files of an environment (paths `<env>/…`) from the paths of all its object files (`<env>/…`):
 * what a full render adds itself, for a caller that assembled the paths from a partial render and a cache.
 */
export function environmentKustomizations(environment: string, paths: readonly string[]): RenderedFile[] {
  const prefix = `${environment}/`;
  const relative = paths.map((p) => (p.startsWith(prefix) ? p.slice(prefix.length) : p));
  return [...kustomizations(relative)].map(([path, content]) => ({ path: `${prefix}${path}`, content }));
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
