import { join, resolve } from "node:path";
import { formatSpecError } from "@cloudlab/model";
import { formatRenderProblem, planWrite } from "@cloudlab/render";
import { capacityTable } from "../capacity-table.ts";
import { planCodeowners, writeCodeowners } from "../codeowners-file.ts";
import type { Io } from "../io.ts";
import { loadPlatform } from "../load-platform.ts";
import { synthesizeInParallel } from "../parallel-synthesize.ts";
import { applyWritePlan, listEnvironmentFolders, readTree } from "../output-tree.ts";
import { UserError } from "../user-error.ts";
import { validateRendered } from "../validation-gate.ts";
import { humanLine } from "../findings/human-format.ts";

/** Options of `cloudlab synth`. */
export interface SynthOptions {
  /** The platform directory. */
  readonly platform: string;
  /** The output directory. */
  readonly out: string;
  /** Only these environments (empty: all). */
  readonly environments: readonly string[];
  /** Write nothing; exit 1 listing every file that differs from a fresh render. */
  readonly check: boolean;
  /**
   * The GitHub organisation of the teams in the generated `.github/CODEOWNERS`.
   * @default "cloud-lab"
   */
  readonly codeownersOrg?: string;
}

/**
 * `cloudlab synth`: load, check, render, then write only what changed and remove what is no longer rendered.
 * Nothing is written unless the whole platform checks and renders cleanly.
 */
export async function synthCommand(options: SynthOptions, io: Io): Promise<number> {
  const definition = await loadPlatform(options.platform, io.cwd);
  const synthesis = await synthesizeInParallel(definition, options.environments.length > 0 ? { environments: options.environments } : {});
  if (synthesis.unknownEnvironments.length > 0) {
    throw new UserError(
      `unknown environment ${synthesis.unknownEnvironments.map((e) => `"${e}"`).join(", ")} (declared: ${synthesis.declaredEnvironments.join(", ")})`,
    );
  }
  // The PR gate (cloudlab validate) over the rendered files: nothing is written when it finds an error.
  const gate = synthesis.files.length === 0 ? [] : (await validateRendered(definition, synthesis.files, options.out)).findings.filter((f) => f.severity === "error");
  const errors = [...synthesis.specErrors.map(formatSpecError), ...synthesis.renderProblems.map(formatRenderProblem), ...gate.map(humanLine)];
  if (errors.length > 0) {
    for (const line of errors) io.stderr.write(`${line}\n`);
    io.stderr.write(`synth: ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing written\n`);
    return 1;
  }

  if (synthesis.declaredEnvironments.length === 0) {
    throw new UserError(`the platform declares no environments: add one under ${options.platform}/environments/`, 1);
  }
  const outDir = resolve(io.cwd, options.out);
  const owned = new Set(synthesis.environments);
  if (options.environments.length === 0) {
    // A full render also owns folders of environments that no longer exist.
    for (const folder of listEnvironmentFolders(outDir)) owned.add(folder);
  }
  const current = readTree(outDir, [...owned].sort());
  const plan = planWrite(current, synthesis.files);
  const owners = planCodeowners(definition, synthesis.files, { ...options, cwd: io.cwd, org: options.codeownersOrg ?? "cloud-lab" });
  const changed = plan.write.length + plan.remove.length + (owners === undefined || owners.status === "unchanged" ? 0 : 1);

  if (options.check) {
    for (const file of plan.write) io.stdout.write(`${current.has(file.path) ? "differs" : "missing"}: ${join(options.out, file.path)}\n`);
    for (const path of plan.remove) io.stdout.write(`not rendered: ${join(options.out, path)}\n`);
    if (owners !== undefined && owners.status !== "unchanged") io.stdout.write(`${owners.status}: ${owners.path}\n`);
    if (changed > 0) {
      io.stderr.write(`synth --check: ${changed} file${changed === 1 ? "" : "s"} differ from a fresh render; run \`npm run synth\` and commit the result\n`);
      return 1;
    }
    const count = synthesis.environments.length;
    io.stdout.write(`synth --check: ${synthesis.files.length} files in ${count} environment${count === 1 ? "" : "s"} match a fresh render\n`);
    return 0;
  }

  applyWritePlan(outDir, plan);
  if (owners !== undefined && writeCodeowners(io.cwd, owners)) io.stdout.write(`wrote ${owners.path}\n`);
  io.stdout.write(capacityTable(synthesis.capacity));
  io.stdout.write(
    `synth: ${synthesis.environments.join(", ")}: ${synthesis.files.length} files (${plan.write.length} written, ${plan.remove.length} removed, ${plan.unchanged} unchanged) in ${options.out}/\n`,
  );
  return 0;
}
