import { isAbsolute, join, relative, resolve } from "node:path";
import { compareStrings, formatSpecError } from "@cloudlab/model";
import { formatRenderProblem, planWrite, type RenderedFile, type WritePlan } from "@cloudlab/render";
import { capacityTable } from "../capacity-table.ts";
import { costTable } from "../cost-report.ts";
import { planCodeowners, writeCodeowners } from "../codeowners-file.ts";
import { declaredEnvironmentNames, preloadRenderer, synthesisPaths } from "../gated-synthesis.ts";
import type { Io } from "../io.ts";
import type { EnvironmentRecord } from "../incremental/environment-record.ts";
import { generatorFingerprint } from "../incremental/generator-fingerprint.ts";
import { dropRecord, loadTrustedRecord, renderCacheDir, saveRecord } from "../incremental/render-cache.ts";
import type { PlatformDefinition } from "@cloudlab/model";
import { loadPlatform } from "../load-platform.ts";
import { synthesizeInParallel } from "../parallel-synthesize.ts";
import { acquireOutputLocks, LockTimeoutError } from "../output-lock.ts";
import { applyWritePlan, listEnvironmentFolders, readTree, removeLeftovers, WritePlanError } from "../output-tree.ts";
import { writeFailure } from "../write-failure.ts";
import { UserError } from "../user-error.ts";
import { humanLine } from "../findings/human-format.ts";

/** Options of `cloudlab synth`. */
export interface SynthOptions {
  /** The platform directory. */
  readonly platform: string;
  /** The output directory. */
  readonly out: string;
  /** Only these environments (empty: all). */
  readonly environments: readonly string[];
  /** Write nothing; exit 1 listing every file that differs from a fresh render (never uses the render records). */
  readonly check: boolean;
  /**
   * Re-render only what changed since the last synth, from the records kept in `node_modules/.cache/cloudlab/`.
   * @default true
   */
  readonly cache?: boolean;
  /**
   * The GitHub organisation of the teams in the generated `.github/CODEOWNERS`.
   * @default "cloud-lab"
   */
  readonly codeownersOrg?: string;
  /**
   * How long each spec file may take to load, in seconds (see `loadPlatform`).
   * @default 30
   */
  readonly timeoutSeconds?: number;
  /**
   * How long to wait for another synth writing the same environment folders (see output-lock.ts).
   * @default 600_000 (10 minutes)
   */
  readonly lockWaitMs?: number;
}

/**
 * What writing an environment changes, from the record of its last write and the new render's record (its file
 * hashes): nothing is read from disk, nothing hashed again. `files` holds the bytes of every file that may differ.
 */
function planFromRecord(previous: EnvironmentRecord, next: EnvironmentRecord, files: readonly RenderedFile[]): WritePlan {
  const write = files.filter((file) => previous.files[file.path] !== next.files[file.path]);
  const remove = Object.keys(previous.files)
    .filter((path) => next.files[path] === undefined)
    .sort();
  return { write, remove, unchanged: Object.keys(next.files).length - write.length };
}

function mergePlans(plans: readonly WritePlan[]): WritePlan {
  return {
    write: plans.flatMap((p) => p.write).sort((a, b) => compareStrings(a.path, b.path)),
    remove: plans.flatMap((p) => p.remove).sort(),
    unchanged: plans.reduce((n, p) => n + p.unchanged, 0),
  };
}

/**
 * `cloudlab synth`: load, check, render, gate, then write only what changed and remove what is no longer rendered.
 * Nothing is written unless the whole platform checks, renders and passes the gate cleanly.
 */
export async function synthCommand(options: SynthOptions, io: Io): Promise<number> {
  // An edited spec is compiled by esbuild's own process: the renderer loads meanwhile (an edit usually renders).
  const loadOptions = { whileCompiling: preloadRenderer, ...(options.timeoutSeconds === undefined ? {} : { timeoutSeconds: options.timeoutSeconds }) };
  return synthPlatform(await loadPlatform(options.platform, io.cwd, loadOptions), options, io);
}

/**
 * Takes the locks of the environment folders a synth writes (none for `--check`, which writes nothing), reporting a
 * wait for another synth on stderr and clearing what a killed synth left (its lock, temporary files, staging folder).
 */
async function lockOutput(definition: PlatformDefinition, options: SynthOptions, outDir: string, io: Io): Promise<() => void> {
  if (options.check) return () => {};
  const environments = options.environments.length > 0 ? options.environments : declaredEnvironmentNames(definition);
  try {
    return await acquireOutputLocks(
      outDir,
      environments,
      {
        waiting: (environment, holder) => io.stderr.write(`synth: waiting for another synth (pid ${holder.pid}) writing ${join(options.out, environment)}/\n`),
        stale: (environment, holder) => {
          const removed = removeLeftovers(outDir, environment);
          const who = holder === undefined ? "a synth" : `a synth that no longer runs (pid ${holder.pid})`;
          io.stderr.write(`synth: ${join(options.out, environment)}/: cleared the lock of ${who} and ${removed} temporary file${removed === 1 ? "" : "s"} it left\n`);
        },
      },
      options.lockWaitMs === undefined ? {} : { waitMs: options.lockWaitMs },
    );
  } catch (error) {
    if (error instanceof LockTimeoutError) {
      throw new UserError(
        `${join(options.out, error.environment)}/ is being written by another synth (pid ${error.holder.pid}), still running after ${+((options.lockWaitMs ?? 600_000) / 1000).toFixed(1)} s; stop it if it is stuck (its lock: ${relative(io.cwd, error.path)})`,
        1,
      );
    }
    throw writeFailure(error, io.cwd, options.out, "unchanged") ?? error;
  }
}

/** `cloudlab synth` of a platform already loaded (the benchmark's synthetic one, for instance). */
export async function synthPlatform(definition: PlatformDefinition, options: SynthOptions, io: Io): Promise<number> {
  const outDir = resolve(io.cwd, options.out);
  const release = await lockOutput(definition, options, outDir, io);
  try {
    return await synthLocked(definition, options, outDir, io);
  } finally {
    release();
  }
}

async function synthLocked(definition: PlatformDefinition, options: SynthOptions, outDir: string, io: Io): Promise<number> {
  // Records only for an output folder inside the working directory: a render elsewhere (`cloudlab diff` renders the
  // base revision into a temporary folder) is one-off, and its records would pile up.
  const inside = relative(io.cwd, outDir);
  const useRecords = options.cache !== false && !options.check && inside !== "" && !inside.startsWith("..") && !isAbsolute(inside);
  const cacheDir = renderCacheDir(io.cwd, options.out);
  const fingerprint = useRecords ? generatorFingerprint() : "";
  const previous = new Map<string, EnvironmentRecord>();
  if (useRecords) {
    for (const name of options.environments.length > 0 ? options.environments : declaredEnvironmentNames(definition)) {
      const record = loadTrustedRecord(cacheDir, outDir, name);
      if (record !== undefined && record.fingerprint === fingerprint) previous.set(name, record);
    }
  }
  const synthesis = await synthesizeInParallel(definition, {
    out: options.out,
    fingerprint,
    previous,
    records: useRecords,
    ...(options.environments.length > 0 ? { environments: options.environments } : {}),
  });
  if (synthesis.unknownEnvironments.length > 0) {
    throw new UserError(
      `unknown environment ${synthesis.unknownEnvironments.map((e) => `"${e}"`).join(", ")} (declared: ${synthesis.declaredEnvironments.join(", ")})`,
    );
  }
  // The PR gate (cloudlab validate) ran over each rendered environment: nothing is written when it found an error.
  const gate = synthesis.findings.filter((f) => f.severity === "error");
  const errors = [...synthesis.specErrors.map(formatSpecError), ...synthesis.renderProblems.map(formatRenderProblem), ...gate.map(humanLine)];
  if (errors.length > 0) {
    for (const line of errors) io.stderr.write(`${line}\n`);
    io.stderr.write(`synth: ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing written\n`);
    return 1;
  }
  if (synthesis.declaredEnvironments.length === 0) {
    throw new UserError(`the platform declares no environments: add one under ${options.platform}/environments/`, 1);
  }

  const rendered = synthesis.outputs.map((o) => o.environment);
  // A full render also owns folders of environments that no longer exist: their files are removed.
  const gone = options.environments.length === 0 ? listEnvironmentFolders(outDir).filter((folder) => !rendered.includes(folder)) : [];
  const plans: WritePlan[] = [];
  // Environments without a record (all of them with --check or --no-cache) are compared with what is on disk.
  const unrecorded = synthesis.outputs.filter((o) => !previous.has(o.environment));
  const current = unrecorded.length > 0 || gone.length > 0 ? readTree(outDir, [...unrecorded.map((o) => o.environment), ...gone].sort()) : new Map<string, string>();
  if (unrecorded.length > 0 || gone.length > 0) plans.push(planWrite(current, unrecorded.flatMap((o) => o.files)));
  for (const output of synthesis.outputs) {
    const record = previous.get(output.environment);
    if (record !== undefined && output.record !== undefined) plans.push(planFromRecord(record, output.record, output.files));
  }
  const plan = mergePlans(plans);
  const paths = synthesisPaths(synthesis);
  const owners = planCodeowners(definition, paths.map((path) => ({ path, content: "" })), { ...options, cwd: io.cwd, org: options.codeownersOrg ?? "cloud-lab" });
  const changed = plan.write.length + plan.remove.length + (owners === undefined || owners.status === "unchanged" ? 0 : 1);

  if (options.check) {
    for (const file of plan.write) io.stdout.write(`${current.has(file.path) ? "differs" : "missing"}: ${join(options.out, file.path)}\n`);
    for (const path of plan.remove) io.stdout.write(`not rendered: ${join(options.out, path)}\n`);
    if (owners !== undefined && owners.status !== "unchanged") io.stdout.write(`${owners.status}: ${owners.path}\n`);
    if (changed > 0) {
      io.stderr.write(`synth --check: ${changed} file${changed === 1 ? "" : "s"} differ from a fresh render; run \`npm run synth\` and commit the result\n`);
      return 1;
    }
    const count = rendered.length;
    io.stdout.write(`synth --check: ${paths.length} files in ${count} environment${count === 1 ? "" : "s"} match a fresh render\n`);
    return 0;
  }

  // The records go first: a write that fails midway must not leave a record describing files that are not there.
  if (useRecords) for (const output of synthesis.outputs) dropRecord(cacheDir, output.environment);
  try {
    await applyWritePlan(outDir, plan);
  } catch (error) {
    if (!(error instanceof WritePlanError)) throw error;
    throw writeFailure(error.cause, io.cwd, options.out, error.phase === "write" ? "unchanged" : "partial") ?? error.cause;
  }
  if (useRecords) {
    const written = new Set(plan.write.map((f) => f.path));
    for (const output of synthesis.outputs) {
      if (output.record === undefined) continue;
      const before = previous.get(output.environment);
      const unchanged = new Set(before === undefined ? [] : output.paths.filter((path) => !written.has(path) && before.files[path] === output.record!.files[path]));
      try {
        saveRecord(cacheDir, outDir, output.record, before, unchanged);
      } catch (error) {
        // The output is written; only the next synth's shortcut is lost.
        const failure = writeFailure(error, io.cwd, relative(io.cwd, cacheDir), "written");
        if (failure === undefined) throw error;
        io.stderr.write(`synth: no render record kept for ${output.environment} (${failure.message.split(";")[0]}); the next synth renders it in full\n`);
      }
    }
  }
  let wroteOwners: boolean;
  try {
    wroteOwners = owners !== undefined && writeCodeowners(io.cwd, owners);
  } catch (error) {
    throw writeFailure(error, io.cwd, options.out, "written") ?? error;
  }
  if (wroteOwners) io.stdout.write(`wrote ${owners!.path}\n`);
  io.stdout.write(capacityTable(synthesis.capacity));
  io.stdout.write(costTable(synthesis.cost));
  const incremental = synthesis.outputs.filter((o) => o.mode === "incremental");
  const rebuilt = incremental.length === 0 ? "" : `; re-rendered ${incremental.map((o) => `${o.environment} ${o.units.built}/${o.units.total}`).join(", ")} units`;
  io.stdout.write(
    `synth: ${rendered.join(", ")}: ${paths.length} files (${plan.write.length} written, ${plan.remove.length} removed, ${plan.unchanged} unchanged) in ${options.out}/${rebuilt}\n`,
  );
  return 0;
}
