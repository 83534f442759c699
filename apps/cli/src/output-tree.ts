import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { KUSTOMIZATION_FILE, type WritePlan } from "@cloudlab/render";

/** Every file under `root/<folder>` for the given folders, keyed by path relative to `root` (with `/`). */
export function readTree(root: string, folders: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relativeDir: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, relativeDir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = `${relativeDir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else files.set(path, readFileSync(join(root, path), "utf8"));
    }
  };
  for (const folder of folders) walk(folder);
  return files;
}

/** The environment folders under `root` that the generator wrote (they hold a `kustomization.yaml`). */
export function listEnvironmentFolders(root: string): string[] {
  try {
    return readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(root, e.name, KUSTOMIZATION_FILE)))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

function removeEmptyDirectories(dir: string, stopAt: string): void {
  let current = dir;
  while (current.startsWith(stopAt) && current !== stopAt) {
    try {
      rmdirSync(current);
    } catch {
      return;
    }
    current = dirname(current);
  }
}

/**
 * Applies a write plan under `root`. New contents go to temporary files first and are renamed into place only once
 * all of them are written, so an I/O failure midway leaves no half-written file (the temporaries are removed).
 */
export function applyWritePlan(root: string, plan: WritePlan): void {
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of plan.write) {
      const target = join(root, file.path);
      mkdirSync(dirname(target), { recursive: true });
      const temp = `${target}.cloudlab-tmp`;
      writeFileSync(temp, file.content);
      staged.push({ temp, target });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
  for (const path of plan.remove) {
    const target = join(root, path);
    rmSync(target, { force: true });
    removeEmptyDirectories(dirname(target), root);
  }
}
