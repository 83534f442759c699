import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { PlatformDefinition } from "@cloudlab/model";
import { codeowners, type RenderedFile } from "@cloudlab/render";

/** Where GitHub reads code owners from, relative to the repository root (the working directory of `synth`). */
export const CODEOWNERS_PATH = ".github/CODEOWNERS";

/** The CODEOWNERS file a synth keeps in step: its new text, and how the file on disk compares. */
export interface PlannedCodeowners {
  readonly path: typeof CODEOWNERS_PATH;
  readonly content: string;
  readonly status: "unchanged" | "differs" | "missing";
}

/** What {@link planCodeowners} needs from `synth`'s options. */
export interface CodeownersPlanOptions {
  readonly cwd: string;
  readonly out: string;
  /** The environments asked for (empty: all). */
  readonly environments: readonly string[];
  /** The GitHub organisation of the teams. */
  readonly org: string;
}

/**
 * The CODEOWNERS file of a full render into a folder of the working directory, for a working directory that has a
 * `.github/` folder (a GitHub repository). Without one there is nobody to request reviews from; a render of some
 * environments (`--env`) does not see every rendered folder; a render outside the working directory is not the one
 * GitHub sees: all three leave the file alone.
 */
export function planCodeowners(definition: PlatformDefinition, files: readonly RenderedFile[], options: CodeownersPlanOptions): PlannedCodeowners | undefined {
  const github = join(options.cwd, dirname(CODEOWNERS_PATH));
  if (options.environments.length > 0 || !statSync(github, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  const outDir = relative(options.cwd, resolve(options.cwd, options.out)).split(sep).join("/");
  // A render outside the repository (`--out /tmp/x`, as `cloudlab diff` renders a base) is not what GitHub sees.
  if (outDir === "" || outDir.startsWith("../") || outDir === ".." || isAbsolute(outDir)) return undefined;
  const content = codeowners(definition, files.map((f) => f.path), { org: options.org, outDir });
  const target = join(options.cwd, CODEOWNERS_PATH);
  const status = !existsSync(target) ? "missing" : readFileSync(target, "utf8") === content ? "unchanged" : "differs";
  return { path: CODEOWNERS_PATH, content, status };
}

/** Writes the planned file if its bytes changed (through a temporary file renamed into place); true when written. */
export function writeCodeowners(cwd: string, planned: PlannedCodeowners): boolean {
  if (planned.status === "unchanged") return false;
  const target = join(cwd, planned.path);
  mkdirSync(dirname(target), { recursive: true });
  try {
    writeFileSync(`${target}.cloudlab-tmp`, planned.content);
    renameSync(`${target}.cloudlab-tmp`, target);
  } catch (error) {
    rmSync(`${target}.cloudlab-tmp`, { force: true });
    throw error;
  }
  return true;
}
