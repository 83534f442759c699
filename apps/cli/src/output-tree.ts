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
 * The suffix of every temporary file and staging folder `synth` writes before renaming it into place: a name ending
 * with it is never a rendered file, and one found at the start of a synth was left by a synth that was killed.
 */
export const TEMPORARY_SUFFIX = ".cloudlab-tmp";

/** Where a folder of the output is built before it is renamed into place. */
function stagingFolder(root: string, folder: string): string {
  return join(root, `.${folder}${TEMPORARY_SUFFIX}`);
}

/**
 * Removes what a killed synth left of its writes in the environment folder `root/folder`: its staging folder and every
 * temporary file inside it. Returns how many were removed. The caller holds the folder's lock (see output-lock.ts), so
 * no running synth owns them.
 */
export function removeLeftovers(root: string, folder: string): number {
  let removed = 0;
  const staging = stagingFolder(root, folder);
  if (existsSync(staging)) {
    rmSync(staging, { recursive: true, force: true });
    removed++;
  }
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(TEMPORARY_SUFFIX)) {
        rmSync(path, { force: true });
        removed++;
      }
    }
  };
  walk(join(root, folder));
  return removed;
}

/**
 * A write plan that failed to apply: `phase` says what is on disk. `"write"`: the failure came while the new contents
 * were written to temporary files, which were removed: the output is as it was. `"commit"`: it came while they were
 * renamed into place or stale files removed: each file is its old or its new version, and the next synth completes it.
 */
export class WritePlanError extends Error {
  public constructor(
    public readonly phase: "write" | "commit",
    public override readonly cause: NodeJS.ErrnoException,
  ) {
    super(cause.message);
    this.name = "WritePlanError";
  }
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
  // One existence check per environment folder, not per file (5,653 checks cost 40 ms at 100 services).
  const folderOf = (path: string) => path.split("/", 1)[0]!;
  const newFolders = new Set([...new Set(plan.write.map((f) => folderOf(f.path)))].filter((folder) => !existsSync(join(root, folder))));
  const staged = plan.write.map((file) => {
    const folder = folderOf(file.path);
    if (newFolders.has(folder)) return { file, path: join(stagingFolder(root, folder), file.path.slice(folder.length + 1)), target: undefined };
    const target = join(root, file.path);
    return { file, path: `${target}${TEMPORARY_SUFFIX}`, target };
  });
  // The folders this write creates in existing environment folders: removed again when it fails.
  const createdDirectories: string[] = [];
  const cleanUp = () => {
    // Best effort: the failure that called it (a read-only disk) may stop the clean-up too.
    try {
      unsafeCleanUp();
    } catch {
      // The next synth removes what is left (removeLeftovers).
    }
  };
  const unsafeCleanUp = () => {
    for (const folder of newFolders) rmSync(stagingFolder(root, folder), { recursive: true, force: true });
    for (const { path, target } of staged) if (target !== undefined) rmSync(path, { force: true });
    for (const dir of createdDirectories.reverse()) removeEmptyDirectories(dir, root);
  };
  try {
    for (const folder of newFolders) rmSync(stagingFolder(root, folder), { recursive: true, force: true });
    for (const parent of [...new Set(staged.map(({ path }) => dirname(path)))].sort()) {
      if (!existsSync(parent)) createdDirectories.push(parent);
      mkdirSync(parent, { recursive: true });
    }
    // One file after the other: writes land in the page cache (nothing is synced), where a synchronous write costs
    // a few microseconds and libuv's thread pool only adds hand-offs (docs/performance.md, session 7).
    for (const { file, path } of staged) {
      try {
        writeFileSync(path, file.content);
      } catch (error) {
        // A write() that fails (a full disk) does not say which file it was writing.
        (error as NodeJS.ErrnoException).path ??= path;
        throw error;
      }
    }
  } catch (error) {
    cleanUp();
    throw new WritePlanError("write", error as NodeJS.ErrnoException);
  }
  try {
    for (const folder of [...newFolders].sort()) renameSync(stagingFolder(root, folder), join(root, folder));
    for (const { path, target } of staged) if (target !== undefined) renameSync(path, target);
    for (const path of plan.remove) {
      const target = join(root, path);
      rmSync(target, { force: true });
      removeEmptyDirectories(dirname(target), root);
    }
  } catch (error) {
    // The files not renamed yet keep their old version: their temporary copies go.
    cleanUp();
    throw new WritePlanError("commit", error as NodeJS.ErrnoException);
  }
}
