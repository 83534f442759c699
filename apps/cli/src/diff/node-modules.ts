import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, unlinkSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { UserError } from "../user-error.ts";

/** Links every installed package of `source` into `target`, leaving out symlinked ones (workspace packages). */
function linkInstalled(source: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const from = join(source, entry.name);
    if (lstatSync(from).isSymbolicLink()) continue;
    if (entry.name.startsWith("@") && entry.isDirectory()) linkInstalled(from, join(target, entry.name));
    else symlinkSync(realpathSync(from), join(target, entry.name), "dir");
  }
}

/** The folders of the npm workspaces declared by `root/package.json` (`packages/*`-style patterns and plain folders). */
function workspaceFolders(root: string): string[] {
  let workspaces: unknown;
  try {
    workspaces = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { workspaces?: unknown }).workspaces;
  } catch {
    return [];
  }
  const patterns = Array.isArray(workspaces) ? workspaces.filter((w): w is string => typeof w === "string") : [];
  return patterns.flatMap((pattern) => {
    if (!pattern.endsWith("/*")) return existsSync(join(root, pattern, "package.json")) ? [join(root, pattern)] : [];
    const parent = join(root, pattern.slice(0, -2));
    if (!existsSync(parent)) return [];
    return readdirSync(parent, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(parent, e.name, "package.json")))
      .map((e) => join(parent, e.name));
  });
}

/**
 * Gives a worktree of another revision a `node_modules` that resolves like the current checkout's, except for the
 * workspace packages (`@cloudlab/*`), which are the worktree's own: the base renders with its own code and the
 * installed third-party packages of the current checkout (so no `npm ci` per diff). Nested `node_modules` of
 * workspace packages (another version of a dependency) are linked too.
 */
export function linkNodeModules(checkout: string, worktree: string): void {
  const installed = join(checkout, "node_modules");
  if (!existsSync(installed)) throw new UserError(`${installed} not found: run \`npm ci\` first (the base revision renders with the installed packages)`, 1);
  const target = join(worktree, "node_modules");
  const committed = lstatSync(target, { throwIfNoEntry: false });
  // A committed symlink would lead outside the worktree: drop it. A committed folder is the base's own: keep it.
  if (committed?.isSymbolicLink()) unlinkSync(target);
  if (committed === undefined || committed.isSymbolicLink()) {
    mkdirSync(target);
    if (!realpathSync(target).startsWith(realpathSync(worktree) + sep)) throw new Error(`${target} is not inside the worktree`);
    linkInstalled(installed, target);
  }
  for (const folder of workspaceFolders(worktree)) {
    const name = (JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { name?: unknown }).name;
    if (typeof name !== "string") continue;
    const link = join(target, name);
    mkdirSync(join(link, ".."), { recursive: true });
    if (lstatSync(link, { throwIfNoEntry: false }) === undefined) symlinkSync(folder, link, "dir");
    const nested = join(checkout, relative(worktree, folder), "node_modules");
    if (existsSync(nested) && lstatSync(join(folder, "node_modules"), { throwIfNoEntry: false }) === undefined) symlinkSync(realpathSync(nested), join(folder, "node_modules"), "dir");
  }
}
