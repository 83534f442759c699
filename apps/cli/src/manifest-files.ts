import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Kustomize's build files: instructions, not objects (their resources are validated as files of their own). */
const KUSTOMIZATION = /^(kustomization\.ya?ml|Kustomization)$/;
const YAML = /\.ya?ml$/;

/**
 * The YAML files under `path`, sorted: the file itself when it is one, else every `*.yaml` and `*.yml` below it except
 * kustomization files, hidden folders and `node_modules`. `undefined` when the path does not exist.
 */
export function listManifestFiles(path: string): string[] | undefined {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return undefined;
  if (stat.isFile()) return [path];
  const files: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const child = join(dir, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (YAML.test(entry.name) && !KUSTOMIZATION.test(entry.name)) files.push(child);
    }
  };
  walk(path);
  return files;
}
