import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
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
 * How many files are written at once. Writing tens of thousands of small files one after the other waits on the disk
 * for each; overlapping the writes (libuv's thread pool) was about twice as fast on this project's CI disk, and a
 * little slower on a RAM disk (docs/performance.md).
 */
export const CONCURRENT_WRITES = 32;

/** Runs `task` over `items`, at most `limit` at a time. */
async function eachConcurrently<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Where a folder of the output is built before it is renamed into place. */
function stagingFolder(root: string, folder: string): string {
  return join(root, `.${folder}.cloudlab-tmp`);
}

/**
 * Applies a write plan under `root`, so that an I/O failure midway leaves no half-written file:
 *
 * - an environment folder that does not exist yet is written whole into a staging folder, renamed into place once
 *   complete (one rename instead of one per file: renaming tens of thousands of files cost more than writing them);
 * - in an existing folder, new contents go to temporary files first, renamed into place once all are written.
 *
 * On failure the staging folders and temporary files are removed.
 */
export async function applyWritePlan(root: string, plan: WritePlan): Promise<void> {
  const newFolders = new Set(plan.write.map((f) => f.path.split("/")[0]!).filter((folder) => !existsSync(join(root, folder))));
  const staged = plan.write.map((file) => {
    const folder = file.path.split("/")[0]!;
    if (newFolders.has(folder)) return { file, path: join(stagingFolder(root, folder), file.path.slice(folder.length + 1)), target: undefined };
    const target = join(root, file.path);
    return { file, path: `${target}.cloudlab-tmp`, target };
  });
  const cleanUp = () => {
    for (const folder of newFolders) rmSync(stagingFolder(root, folder), { recursive: true, force: true });
    for (const { path, target } of staged) if (target !== undefined) rmSync(path, { force: true });
  };
  try {
    for (const folder of newFolders) rmSync(stagingFolder(root, folder), { recursive: true, force: true });
    for (const parent of [...new Set(staged.map(({ path }) => dirname(path)))].sort()) mkdirSync(parent, { recursive: true });
    await eachConcurrently(staged, CONCURRENT_WRITES, ({ file, path }) => writeFile(path, file.content));
  } catch (error) {
    cleanUp();
    throw error;
  }
  for (const folder of [...newFolders].sort()) renameSync(stagingFolder(root, folder), join(root, folder));
  for (const { path, target } of staged) if (target !== undefined) renameSync(path, target);
  for (const path of plan.remove) {
    const target = join(root, path);
    rmSync(target, { force: true });
    removeEmptyDirectories(dirname(target), root);
  }
}
