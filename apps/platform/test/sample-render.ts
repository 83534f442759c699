import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PlatformDefinition } from "@cloudlab/model";
import { synthesize, type RenderedFile, type Synthesis } from "@cloudlab/render";
import { parseAllDocuments } from "yaml";
import { loadPlatform } from "../../cli/src/load-platform.ts";

/** The repository root, from this file's location (apps/platform/test). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The sample platform's environments, in report order. */
export const ENVIRONMENTS = ["dev", "staging", "prod-us-west-2", "prod-us-east-1"] as const;

/** The sample platform (apps/platform), loaded as `cloudlab synth` loads it. */
export function loadSample(): Promise<PlatformDefinition> {
  return loadPlatform("apps/platform", REPO_ROOT);
}

/** Synthesizes a platform; throws with every problem when it does not render. */
export function render(definition: PlatformDefinition): Synthesis {
  const synthesis = synthesize(definition);
  const problems = [...synthesis.specErrors.map((e) => `${e.file}: ${e.path}: ${e.message}`), ...synthesis.renderProblems.map((p) => `${p.object}: ${p.message}`)];
  if (problems.length > 0) throw new Error(`the platform does not render:\n${problems.join("\n")}`);
  return synthesis;
}

/** A parsed Kubernetes object, loosely typed for assertions. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly annotations?: Record<string, string>; readonly labels?: Record<string, string> };
  readonly spec?: any;
  readonly [key: string]: unknown;
}

/** Every object of a YAML text (one or more documents). */
export function parseObjects(text: string): KubeObject[] {
  return parseAllDocuments(text)
    .map((d) => d.toJSON() as KubeObject | null)
    .filter((o): o is KubeObject => o !== null);
}

/** The rendered objects, each with its file's path (kustomization.yaml files left out). */
export function objectsOf(files: readonly RenderedFile[], prefix = ""): { path: string; object: KubeObject }[] {
  return files
    .filter((f) => f.path.startsWith(prefix) && !f.path.endsWith("kustomization.yaml"))
    .flatMap((f) => parseObjects(f.content).map((object) => ({ path: f.path, object })));
}

/** An object's identity: `apiVersion kind namespace/name`. */
export function identity(object: KubeObject): string {
  return `${object.apiVersion} ${object.kind} ${object.metadata.namespace ?? "-"}/${object.metadata.name}`;
}
