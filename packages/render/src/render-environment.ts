import { EnvironmentChart, KubeObject, ResourceGroup } from "@cloudlab/constructs";
import type { EnvironmentModel } from "@cloudlab/model";
import { App } from "cdk8s";
import { objectId, RENDER_ANALYSES, type Manifest } from "./analysis/index.ts";
import { KUSTOMIZATION_FILE, kustomizationYaml } from "./kustomization.ts";
import { manifestYaml } from "./manifest-yaml.ts";
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
  const manifests = objects.map((o) => o.toJson() as Manifest);
  const fileOf = new Map<string, string>();
  for (const [index, object] of objects.entries()) {
    const manifest = manifests[index]!;
    const group = ResourceGroup.of(object);
    const id = objectId(manifest);
    const file = group?.sourceFile ?? model.environment.file;
    fileOf.set(id, file);
    for (const message of object.node.validate()) problems.push({ environment: envName, file, object: id, message });
    const path = `${group?.folder ?? "_cluster"}/${manifest.kind.toLowerCase()}-${manifest.metadata.name}.yaml`;
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
    files.set(path, manifestYaml(manifest));
  }
  // Cross-object analyses (mutual TLS never relaxed, route targets exist) over the whole environment.
  for (const analysis of RENDER_ANALYSES) {
    for (const finding of analysis(manifests)) {
      problems.push({ environment: envName, file: fileOf.get(finding.object) ?? model.environment.file, object: finding.object, message: finding.message });
    }
  }
  const resources = [...files.keys()];
  files.set(KUSTOMIZATION_FILE, kustomizationYaml(resources));
  const sorted = [...files.entries()]
    .map(([path, content]) => ({ path: `${envName}/${path}`, content }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, problems };
}
