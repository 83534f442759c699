/**
 * `npm run bench -- --startup`: everyday commands as whole processes (`node apps/cli/bin/cloudlab.js …`, what a
 * pre-commit hook or an editor runs), median of N runs each, beside the targets (#17), for the compiled CLI
 * and, in the same run, for the TypeScript sources through tsx (CLOUDLAB_FROM_SOURCES=1), so the ratio holds on a
 * loaded machine. Then the growth at small sizes: `cloudlab synth --no-cache` of the synthetic platform (written as
 * spec files) against `helm template` of the equivalent chart, both whole processes.
 *
 * The sample runs in a copy of apps/platform and environments/ under dist/startup-bench/ (inside the repository, so
 * the specs resolve `@cloudlab/model`); the repository's own files are never touched.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { KubeTools } from "@cloudlab/kube-tools";
import type { PlatformDefinition } from "@cloudlab/model";
import { writeHelmChart } from "./helm-chart.ts";
import { syntheticPlatform } from "./synthetic-platform.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const BIN = join(ROOT, "apps/cli/bin/cloudlab.js");

/** Options of the start-up bench. */
export interface StartupOptions {
  /** Runs per figure (the median is printed). */
  readonly runs: number;
  /** Service counts of the growth comparison with helm. */
  readonly services: readonly number[];
  /** Where the synthetic platforms and helm's output go. */
  readonly out: string;
  /** helm, when available. */
  readonly tools: KubeTools | undefined;
}

/** How the CLI runs: compiled (apps/cli/dist) or from its sources through tsx. */
type Mode = "compiled" | "sources";

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Runs one whole process; its wall time in ms. Exits the bench when the command fails unexpectedly. */
function timed(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; expect?: number }): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? process.env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.error !== undefined || result.status !== (options.expect ?? 0)) {
    console.error(`bench: ${command} ${args.join(" ")} exited ${result.status ?? result.signal}: ${(result.stderr || result.stdout).trim().split("\n").slice(0, 5).join("\n  ")}`);
    process.exit(1);
  }
  return ms;
}

function cloudlab(mode: Mode, args: readonly string[], cwd: string, expect = 0): number {
  const env = { ...process.env, CLOUDLAB_FROM_SOURCES: mode === "sources" ? "1" : "0" };
  return timed(process.execPath, [BIN, ...args], { cwd, env, expect });
}

/** A copy of the sample platform and its rendered environments in `dir`. */
function sampleWorkspace(dir: string): { serviceFile: string; manifest: string } {
  rmSync(dir, { recursive: true, force: true });
  for (const folder of ["tenants", "services", "environments", "lib"]) cpSync(join(ROOT, "apps/platform", folder), join(dir, "platform", folder), { recursive: true });
  cpSync(join(ROOT, "environments"), join(dir, "environments"), { recursive: true });
  const tenant = readdirSync(join(dir, "platform/services")).sort()[0]!;
  const service = readdirSync(join(dir, "platform/services", tenant)).sort()[0]!;
  const deployments = join(dir, "environments/dev", tenant, service.replace(/\.ts$/, ""));
  const manifest = readdirSync(deployments).find((f) => f.startsWith("deployment-")) ?? readdirSync(deployments)[0]!;
  return { serviceFile: join(dir, "platform/services", tenant, service), manifest: join("environments/dev", tenant, service.replace(/\.ts$/, ""), manifest) };
}

/** The sample's figures, one row per command: median ms per mode. */
function sampleRows(runs: number, modes: readonly Mode[]): { label: string; target: number; ms: Record<Mode, number | undefined> }[] {
  const dir = join(ROOT, "dist/startup-bench");
  const { serviceFile, manifest } = sampleWorkspace(dir);
  const platform = ["--platform", "platform", "--out", "environments"];
  const original = readFileSync(serviceFile, "utf8");
  let edits = 0;
  /** Changes the first service's image tag (a different tag each time, so every run has one change to render). */
  const retag = () => writeFileSync(serviceFile, original.replace(/tag: "[^"]*"/, `tag: "v9.9.${++edits}"`));
  // `prepare` runs before the timed runs (before each one when both modes run: their render records differ, since
  // each records the generator it was made by); `each` right before each timed run.
  const rows: { label: string; target: number; prepare?: (m: Mode) => number; each?: () => void; run: (m: Mode) => number }[] = [
    { label: "cloudlab --help", target: 150, run: (m: Mode) => cloudlab(m, ["--help"], dir) },
    { label: "cloudlab validate <one file>", target: 300, run: (m: Mode) => cloudlab(m, ["validate", manifest], dir) },
    { label: "synth, nothing changed", target: 600, prepare: (m: Mode) => cloudlab(m, ["synth", ...platform], dir), run: (m: Mode) => cloudlab(m, ["synth", ...platform], dir) },
    { label: "synth after one image tag", target: 700, prepare: (m: Mode) => cloudlab(m, ["synth", ...platform], dir), each: retag, run: (m: Mode) => cloudlab(m, ["synth", ...platform], dir) },
    { label: "synth --no-cache", target: 1500, run: (m: Mode) => cloudlab(m, ["synth", "--no-cache", ...platform], dir) },
    {
      // --check compares a fresh render with the files on disk: the unchanged platform, rendered before.
      label: "synth --check",
      target: 1500,
      prepare: (m: Mode) => {
        writeFileSync(serviceFile, original);
        return cloudlab(m, ["synth", ...platform], dir);
      },
      run: (m: Mode) => cloudlab(m, ["synth", "--check", ...platform], dir),
    },
  ];
  const result = [];
  for (const row of rows) {
    const ms: Record<Mode, number | undefined> = { compiled: undefined, sources: undefined };
    // Modes alternate run by run, so both see the same machine load.
    const samples: Record<Mode, number[]> = { compiled: [], sources: [] };
    for (const mode of modes) row.prepare?.(mode);
    for (let i = 0; i < runs; i++) {
      for (const mode of modes) {
        if (row.prepare !== undefined && modes.length > 1) row.prepare(mode);
        row.each?.();
        samples[mode].push(row.run(mode));
      }
    }
    for (const mode of modes) ms[mode] = median(samples[mode]);
    result.push({ label: row.label, target: row.target, ms });
    const cells = modes.map((m) => `${m} ${secs(ms[m]!)}`).join(", ");
    console.log(`  ${row.label.padEnd(30)} ${cells}`);
  }
  writeFileSync(serviceFile, original);
  return result;
}

/** Spec files of a synthetic platform (plain default-exported objects) under `dir/platform`. */
function writePlatformFiles(dir: string, definition: PlatformDefinition): void {
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(join(mkdirp(dir), "package.json"), '{ "type": "module" }\n');
  const write = (folder: string, name: string, spec: unknown) => writeFileSync(join(mkdirp(join(dir, "platform", folder)), `${name}.ts`), `export default ${JSON.stringify(spec, null, 2)};\n`);
  for (const { spec } of definition.tenants) write("tenants", spec.name, spec);
  for (const { spec } of definition.services) write(join("services", spec.tenant), spec.name, spec);
  for (const { spec } of definition.environments) write("environments", spec.name, spec);
}

function mkdirp(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** `cloudlab synth --no-cache` (compiled) against `helm template`, whole processes, per service count. */
function growthRows(options: StartupOptions): { services: number; cloudlab: number; helm: number | undefined }[] {
  const rows = [];
  for (const count of options.services) {
    const dir = join(options.out, `startup-${count}`);
    const definition = syntheticPlatform(count);
    writePlatformFiles(dir, definition);
    const samples: number[] = [];
    const helmSamples: number[] = [];
    const helm = options.tools;
    if (helm !== undefined) writeHelmChart(join(dir, "chart"), definition);
    const helmEnv = { ...process.env, HELM_CACHE_HOME: join(dir, ".helm/cache"), HELM_CONFIG_HOME: join(dir, ".helm/config"), HELM_DATA_HOME: join(dir, ".helm/data") };
    for (let i = 0; i < options.runs; i++) {
      rmSync(join(dir, "cloudlab"), { recursive: true, force: true });
      samples.push(cloudlab("compiled", ["synth", "--no-cache", "--platform", "platform", "--out", "cloudlab"], dir));
      if (helm !== undefined) {
        rmSync(join(dir, "helm"), { recursive: true, force: true });
        helmSamples.push(timed(helm.helm, ["template", "bench", join(dir, "chart"), "--output-dir", join(dir, "helm")], { cwd: dir, env: helmEnv }));
      }
    }
    const row = { services: count, cloudlab: median(samples), helm: helmSamples.length > 0 ? median(helmSamples) : undefined };
    rows.push(row);
    console.log(`  ${String(count).padStart(5)} services: cloudlab synth --no-cache ${secs(row.cloudlab)}, helm template ${row.helm === undefined ? "n/a" : secs(row.helm)}`);
  }
  return rows;
}

/** Runs the start-up bench and prints its tables. */
export function runStartupBench(options: StartupOptions): void {
  const compiled = spawnSync(process.execPath, ["--input-type=module", "-e", `import { freshBuild } from ${JSON.stringify(join(ROOT, "apps/cli/bin/build-state.js"))}; process.exit(freshBuild() ? 0 : 1);`]).status === 0;
  const modes: Mode[] = compiled ? ["compiled", "sources"] : ["sources"];
  console.log(`cloudlab bench --startup: ${options.runs} runs per figure (median), ${process.version}; ${compiled ? "compiled CLI up to date" : "NO up-to-date compiled CLI (npm run build): sources only"}`);
  console.log("\n  the sample platform (apps/platform, copied to dist/startup-bench/):");
  const sample = sampleRows(options.runs, modes);
  const growth = compiled ? (console.log("\n  growth, whole processes (synthetic platform as spec files; helm on the equivalent chart):"), growthRows(options)) : [];

  console.log("\n=== start-up summary (whole processes, median) ===\n");
  const header = ["command", "target", ...modes, ...(modes.length > 1 ? ["sources/compiled"] : []), "met"];
  console.log(`  ${header[0]!.padEnd(30)}${header.slice(1).map((h) => h.padStart(17)).join("")}`);
  for (const row of sample) {
    const best = row.ms[modes[0]!]!;
    const cells = [secs(row.target), ...modes.map((m) => secs(row.ms[m]!)), ...(modes.length > 1 ? [`${(row.ms.sources! / row.ms.compiled!).toFixed(1)}×`] : []), best <= row.target ? "yes" : "no"];
    console.log(`  ${row.label.padEnd(30)}${cells.map((c) => c.padStart(17)).join("")}`);
  }
  if (growth.length > 0) {
    console.log(`\n  ${"services".padEnd(30)}${["target", "cloudlab", "helm", "ratio", "met"].map((h) => h.padStart(17)).join("")}`);
    for (const row of growth) {
      const ratio = row.helm === undefined ? undefined : row.cloudlab / row.helm;
      const cells = ["≤ 1.00×", secs(row.cloudlab), row.helm === undefined ? "n/a" : secs(row.helm), ratio === undefined ? "n/a" : `${ratio.toFixed(2)}×`, ratio === undefined ? "n/a" : ratio <= 1 ? "yes" : "no"];
      console.log(`  ${String(row.services).padEnd(30)}${cells.map((c) => c.padStart(17)).join("")}`);
    }
  }
}
