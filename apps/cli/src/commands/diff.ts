import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  ANSI,
  diffCallGraph,
  diffPlatform,
  formatJson,
  formatMarkdown,
  formatText,
  hasChanges,
  parseRenderedFiles,
  parseUsageHints,
  PLAIN,
  type RenderedText,
  type UsageHints,
} from "@cloudlab/diff";
import { formatSpecError } from "@cloudlab/model";
import { formatRenderProblem, synthesize } from "@cloudlab/render";
import { renderBase } from "../diff/base-render.ts";
import { costInput } from "../diff/platform-cost.ts";
import { repositoryRoot, resolveBase } from "../diff/git.ts";
import type { Io } from "../io.ts";
import { loadPlatform } from "../load-platform.ts";
import { UserError } from "../user-error.ts";

/** The report formats of `cloudlab diff`. */
export const DIFF_FORMATS = ["text", "markdown", "json"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** Options of `cloudlab diff`. */
export interface DiffCommandOptions {
  /** The platform directory. */
  readonly platform: string;
  /** The output folder (where the base's committed render would be). */
  readonly out: string;
  /** The base revision; undefined: the merge base with origin/main (or main). */
  readonly base?: string;
  readonly format: DiffFormat;
  /** Exit 0 even when something changed. */
  readonly exitZero: boolean;
  /** The largest canary weight step not flagged, in percentage points. */
  readonly maxWeightStep: number;
  /**
   * The largest rise of a production environment's monthly cost at max replicas not flagged, in percent.
   * @default 20
   */
  readonly maxCostIncrease?: number;
  /** A JSON file of observed usage (see `UsageHints`); undefined: none. */
  readonly usageHints?: string;
}

/** Whether a report on `stdout` gets colours: a terminal, and NO_COLOR unset or empty (no-color.org). */
function wantsColour(io: Io): boolean {
  const noColor = process.env.NO_COLOR;
  return (io.stdout as { isTTY?: boolean }).isTTY === true && (noColor === undefined || noColor === "");
}

function readUsageHints(io: Io, file: string): UsageHints {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(resolve(io.cwd, file), "utf8"));
  } catch (error) {
    throw new UserError(`--usage-hints ${file}: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
  const parsed = parseUsageHints(json);
  if (parsed.problems.length > 0) throw new UserError(`--usage-hints ${file}: ${parsed.problems.join("; ")}`, 1);
  return parsed.hints;
}

/** Reads rendered files as objects; a file that is not is a problem of the render, so the comparison stops. */
function objectsOf(files: readonly RenderedText[], side: string) {
  const parsed = parseRenderedFiles(files);
  if (parsed.problems.length > 0) {
    throw new UserError(`the ${side} render has files that are not Kubernetes objects: ${parsed.problems.map((p) => `${p.file} ${p.message}`).join("; ")}`, 1);
  }
  return parsed.objects;
}

async function compare(options: DiffCommandOptions, io: Io): Promise<number> {
  const usageHints = options.usageHints === undefined ? {} : readUsageHints(io, options.usageHints);
  const root = repositoryRoot(io.cwd);
  const base = resolveBase(root, options.base);

  const definition = await loadPlatform(options.platform, io.cwd);
  const synthesis = synthesize(definition);
  const errors = [...synthesis.specErrors.map(formatSpecError), ...synthesis.renderProblems.map(formatRenderProblem)];
  if (errors.length > 0) {
    for (const line of errors) io.stderr.write(`${line}\n`);
    io.stderr.write(`diff: ${errors.length} error${errors.length === 1 ? "" : "s"} in the working tree's specs; nothing compared\n`);
    return 2;
  }

  const baseRender = await renderBase({ root, cwd: io.cwd, platform: options.platform, out: options.out, base, loadDefinition: true });
  const input = {
    base: objectsOf(baseRender.files, "base"),
    head: objectsOf(synthesis.files, "working tree"),
    environments: definition.environments.map((e) => e.spec),
    cost: costInput(definition, baseRender),
  };
  const diff = diffPlatform(input, {
    maxWeightStep: options.maxWeightStep,
    usageHints,
    ...(options.maxCostIncrease === undefined ? {} : { maxCostIncrease: options.maxCostIncrease }),
  });
  const described = baseRender.source === "rendered" ? "" : baseRender.source === "committed" ? `, committed ${options.out}/` : ", no platform";
  const subject = { base: `${base.label} (${base.commit.slice(0, 7)}${described})`, head: "working tree" };
  const report =
    options.format === "json"
      ? formatJson(diff, subject)
      : options.format === "markdown"
        ? formatMarkdown(diff, subject, { callGraph: diffCallGraph(input) })
        : formatText(diff, subject, wantsColour(io) ? ANSI : PLAIN);
  io.stdout.write(report);
  return hasChanges(diff) && !options.exitZero ? 1 : 0;
}

/**
 * `cloudlab diff`: renders the base revision (with its own code, in a temporary worktree) and the working tree (in
 * memory), compares them object by object and prints the changes, risk flags first. Exit 0 when nothing changed, 1
 * when something did (0 with `--exit-zero`), 2 on any error: a problem here is never mistaken for "changes".
 */
export async function diffCommand(options: DiffCommandOptions, io: Io): Promise<number> {
  try {
    return await compare(options, io);
  } catch (error) {
    // Input problems (exit 1 elsewhere) are errors of the diff: exit 2, without a pointer to the usage.
    if (error instanceof UserError && error.exitCode === 1) {
      io.stderr.write(`cloudlab: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Checks the raw `--max-cost-increase` value (a usage error): a whole or decimal number of percent, 0 or more. */
export function parseMaxCostIncrease(value: string): number {
  if (!/^[0-9]+(\.[0-9]+)?$/.test(value)) throw new UserError(`--max-cost-increase ${value}: must be a number of percent, 0 or more (e.g. 20)`);
  return Number(value);
}

/** Checks the raw `--format` and `--max-weight-step` values (usage errors). */
export function parseDiffArguments(format: string, maxWeightStep: string): { format: DiffFormat; maxWeightStep: number } {
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) {
    throw new UserError(`--format ${format}: diff formats are ${DIFF_FORMATS.join(", ")}`);
  }
  const step = Number(maxWeightStep);
  if (!/^[0-9]+$/.test(maxWeightStep) || step > 100) throw new UserError(`--max-weight-step ${maxWeightStep}: must be a whole number of percentage points, 0 to 100`);
  return { format: format as DiffFormat, maxWeightStep: step };
}
