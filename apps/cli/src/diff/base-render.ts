import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { RenderedText } from "@cloudlab/diff";
import type { PlatformDefinition } from "@cloudlab/model";
import { loadPlatform } from "../load-platform.ts";
import { listEnvironmentFolders, readTree } from "../output-tree.ts";
import { UserError } from "../user-error.ts";
import { addWorktree, existsAt, removeWorktree, type BaseRevision } from "./git.ts";
import { linkNodeModules } from "./node-modules.ts";

/** Where every revision of this repository keeps its CLI, relative to the repository root. */
export const CLI_BIN = "apps/cli/bin/cloudlab.js";

/** The base revision's render, and how it was obtained. */
export interface BaseRender {
  /** Rendered files, paths relative to the output folder (`dev/…`). */
  readonly files: readonly RenderedText[];
  /** How the base was read, for the report. */
  readonly source: "rendered" | "committed" | "empty";
  /**
   * The base revision's specs, loaded with this revision's loader (only with `loadDefinition`, and when the base has a
   * platform): a string says why they could not be loaded.
   */
  readonly definition?: PlatformDefinition | string;
}

/** What {@link renderBase} needs. */
export interface BaseRenderOptions {
  /** The repository root. */
  readonly root: string;
  /** The working directory (paths in the options are relative to it). */
  readonly cwd: string;
  /** The platform directory. */
  readonly platform: string;
  /** The output folder. */
  readonly out: string;
  readonly base: BaseRevision;
  /**
   * Also load the base revision's specs (for its cost, computed with this revision's code).
   * @default false
   */
  readonly loadDefinition?: boolean;
}

/** A path relative to the working directory, as a `/`-separated path relative to the repository root. */
function inRepository(root: string, cwd: string, path: string): string {
  const inside = relative(root, resolve(cwd, path));
  if (inside.startsWith("..") || isAbsolute(inside)) throw new UserError(`${path} is outside the repository ${root}`, 1);
  return inside.split(sep).join("/");
}

/** Every file of the environment folders (those with a kustomization.yaml) under `dir`. */
function readEnvironments(dir: string): RenderedText[] {
  const tree = readTree(dir, listEnvironmentFolders(dir));
  return [...tree].map(([path, content]) => ({ path, content }));
}

/** The last lines of a failed command's output, indented. */
function tail(text: string, lines = 20): string {
  return text
    .trimEnd()
    .split("\n")
    .slice(-lines)
    .map((line) => `  ${line}`)
    .join("\n");
}

/**
 * The base revision's specs from its worktree, or why they cannot be loaded. The specs import the base's own
 * workspace packages (`defineService` and friends) through its node_modules, linked here if the render did not.
 */
async function loadBaseDefinition(root: string, worktree: string, platform: string, prefix: string, linked: boolean): Promise<PlatformDefinition | string> {
  try {
    // Specs that import nothing load without packages: a checkout without node_modules only matters if they do.
    if (!linked && existsSync(join(root, "node_modules"))) linkNodeModules(root, worktree);
    return await loadPlatform(join(worktree, platform), join(worktree, prefix));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Renders the base revision with its own code: the revision is checked out into a temporary `git worktree` under
 * the OS temp folder (the working tree is never touched), its `node_modules` is linked from the current checkout
 * (workspace packages from the worktree), and its own `cloudlab synth --out <temp>` renders it; the output is read
 * back. A base without the CLI but with a committed output folder is read as committed; a base with neither the
 * platform nor an output folder (the repository's first pull request) is empty. With `loadDefinition`, the base's
 * specs are also loaded from the worktree (for its cost). The worktree and the temp folder are removed whatever
 * happens.
 */
export async function renderBase(options: BaseRenderOptions): Promise<BaseRender> {
  const { root, base } = options;
  const cwd = realpathSync(options.cwd);
  const prefix = relative(root, cwd).split(sep).join("/");
  const platform = inRepository(root, cwd, options.platform);
  const out = inRepository(root, cwd, options.out);
  const hasPlatform = existsAt(root, base.commit, platform);
  const hasCli = existsAt(root, base.commit, CLI_BIN);
  const hasOut = existsAt(root, base.commit, out);
  if (!hasPlatform && !hasOut) return { files: [], source: "empty" };
  if (hasPlatform && !hasCli && !hasOut) {
    throw new UserError(`the base revision ${base.label} has ${platform}/ but neither ${CLI_BIN} to render it nor a committed ${out}/`, 1);
  }

  const temp = realpathSync(mkdtempSync(join(tmpdir(), "cloudlab-diff-")));
  const worktree = join(temp, "base");
  try {
    addWorktree(root, worktree, base.commit);
    if (hasPlatform && hasCli) linkNodeModules(root, worktree);
    const definition = options.loadDefinition === true && hasPlatform ? { definition: await loadBaseDefinition(root, worktree, platform, prefix, hasCli) } : {};
    if (!(hasPlatform && hasCli)) return { files: readEnvironments(join(worktree, out)), source: "committed", ...definition };
    const rendered = join(temp, "out");
    const result = spawnSync(process.execPath, [join(worktree, CLI_BIN), "synth", "--platform", join(worktree, platform), "--out", rendered], {
      cwd: join(worktree, prefix),
      encoding: "utf8",
      env: withoutColour(process.env),
      maxBuffer: 256 * 1024 * 1024,
    });
    if (result.error !== undefined) throw new UserError(`cannot run the base revision's cloudlab: ${result.error.message}`, 1);
    if (result.status !== 0) {
      throw new UserError(
        `cannot render the base revision ${base.label} (${base.commit.slice(0, 7)}): its \`cloudlab synth\` exited ${result.status ?? result.signal}:\n${tail(result.stderr || result.stdout)}`,
        1,
      );
    }
    return { files: readEnvironments(rendered), source: "rendered", ...definition };
  } finally {
    removeWorktree(root, worktree);
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * The environment for the base revision's `cloudlab synth`: colourless (its stderr is quoted in an error), and without
 * FORCE_COLOR, which would override NO_COLOR (Node 26 warns about the pair on stderr, and that warning would be quoted).
 */
function withoutColour(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _forced, ...rest } = env;
  return { ...rest, NO_COLOR: "1" };
}
