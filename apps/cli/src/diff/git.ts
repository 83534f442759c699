import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { UserError } from "../user-error.ts";

/** The outcome of one git command. */
interface GitResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs git in `cwd`; hooks are off, so a checkout in a temporary worktree runs nobody's post-checkout hook. */
function git(cwd: string, args: readonly string[]): GitResult {
  const result = spawnSync("git", ["-c", "core.hooksPath=/dev/null", ...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined) throw new UserError(`cannot run git: ${result.error.message}`, 1);
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs git; a failure is a user-facing error saying what was being done. */
function gitOrFail(cwd: string, args: readonly string[], doing: string): string {
  const result = git(cwd, args);
  if (result.status !== 0) throw new UserError(`${doing}: git ${args.join(" ")}: ${result.stderr.trim() || `exit ${result.status}`}`, 1);
  return result.stdout.trim();
}

/** The root of the repository `cwd` is in. */
export function repositoryRoot(cwd: string): string {
  const result = git(cwd, ["rev-parse", "--show-toplevel"]);
  if (result.status !== 0) throw new UserError("not inside a git repository: cloudlab diff compares the working tree with a git revision", 1);
  return result.stdout.trim();
}

/** The commit a revision names, or undefined when it names none. */
function commitOf(root: string, revision: string): string | undefined {
  const result = git(root, ["rev-parse", "--verify", "--quiet", `${revision}^{commit}`]);
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The revision to compare with. */
export interface BaseRevision {
  /** How the report names it, e.g. `origin/main` or `merge base with origin/main`. */
  readonly label: string;
  readonly commit: string;
}

/** The branches whose merge base with HEAD is the default base, in order of preference. */
export const DEFAULT_BASE_BRANCHES = ["origin/main", "main"] as const;

/**
 * The base revision: `ref` itself when given; otherwise the merge base of HEAD with `origin/main`, or with `main`
 * when there is no `origin/main` (what the branch changes, not what changed on main since).
 */
export function resolveBase(root: string, ref: string | undefined): BaseRevision {
  if (ref !== undefined) {
    const commit = commitOf(root, ref);
    if (commit === undefined) throw new UserError(`--base ${ref}: not a revision of this repository`, 1);
    return { label: ref, commit };
  }
  for (const branch of DEFAULT_BASE_BRANCHES) {
    if (commitOf(root, branch) === undefined) continue;
    const commit = gitOrFail(root, ["merge-base", "HEAD", branch], `cannot find the merge base of HEAD and ${branch}`);
    return { label: `merge base with ${branch}`, commit };
  }
  throw new UserError(`no base revision: neither ${DEFAULT_BASE_BRANCHES.join(" nor ")} exists; pass --base REF`, 1);
}

/** Whether `path` (relative to the repository root) exists in `commit`. */
export function existsAt(root: string, commit: string, path: string): boolean {
  return git(root, ["cat-file", "-e", `${commit}:${path}`]).status === 0;
}

/** Checks `commit` out into a new detached worktree at `dir` (which must not exist); the working tree is untouched. */
export function addWorktree(root: string, dir: string, commit: string): void {
  gitOrFail(root, ["worktree", "add", "--detach", "--quiet", dir, commit], "cannot check the base revision out into a temporary worktree");
}

/** Removes a worktree made by {@link addWorktree}, and git's record of it, even when git cannot. */
export function removeWorktree(root: string, dir: string): void {
  const removed = git(root, ["worktree", "remove", "--force", dir]);
  if (removed.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    git(root, ["worktree", "prune"]);
  }
}
