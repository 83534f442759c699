/**
 * The cloudlab benchmark: runs `cloudlab synth`'s own code on a synthetic platform of N services × 4 environments
 * (cold, after a one-tag change, unchanged), renders in memory, validates the written files, and renders an
 * equivalent Helm chart with the real `helm template --output-dir`. Each size runs in its own process, so its peak RSS
 * is its own.
 *
 *   npm run bench -- [--services 1000 | --services 100,1000,3000] [--out DIR]
 *   npm run bench -- --startup [--runs 5] [--services 10,100]   (whole processes: src/startup.ts)
 *
 * Output goes to a RAM disk (`/dev/shm/cloudlab-bench`) where there is one, as the issue's reference figures were
 * measured: a virtual disk's write speed varies tenfold from one minute to the next on shared machines, and would
 * drown the comparison (both tools write to the same folder either way). `--out dist/bench` measures the disk.
 *
 * A benchmark, not a test: it reports times and never fails on slowness.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { kubeTools, type KubeTools } from "@cloudlab/kube-tools";
import type { PlatformDefinition } from "@cloudlab/model";
import { formatRenderProblem, synthesize, type RenderedFile, type Synthesis } from "@cloudlab/render";
import { RULES, validateGroups, type RuleCategory } from "@cloudlab/validate";
import { synthPlatform } from "../../cli/src/commands/synth.ts";
import { readTree } from "../../cli/src/output-tree.ts";
import { validateInParallel } from "../../cli/src/parallel-validate.ts";
import { renderedGroups } from "../../cli/src/validation-gate.ts";
import { compareWithCloudlab, countHelmObjects, writeHelmChart, type HelmComparison } from "./helm-chart.ts";
import { runStartupBench } from "./startup.ts";
import { flavourOf, syntheticPlatform, TENANTS, withImageTag } from "./synthetic-platform.ts";

/** Milliseconds since the process started, once node, tsx and every import above are loaded. */
const STARTUP_MS = performance.now();

interface Options {
  readonly counts: readonly number[];
  readonly out: string;
  /** Internal: run one size in this process and write its result as JSON to this file. */
  readonly result?: string;
  /** `--startup`: time everyday commands as whole processes instead (src/startup.ts). */
  readonly startup: boolean;
  /** `--runs N`: runs per start-up figure. */
  readonly runs: number;
}

const USAGE =
  "usage: npm run bench -- [--services N | --services N1,N2,...] [--out DIR (default: /dev/shm/cloudlab-bench, else dist/bench)]\n" +
  "       npm run bench -- --startup [--runs N (default 5)] [--services N1,N2 (default 10,100)]";

function parseArgs(argv: readonly string[]): Options {
  let counts: number[] | undefined;
  let startup = false;
  let runs = 5;
  let out = existsSync("/dev/shm") ? "/dev/shm/cloudlab-bench" : "dist/bench";
  let result: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    if (flag === "--services") {
      counts = value()
        .split(",")
        .map((s) => Number(s.trim()));
      if (counts.some((n) => !Number.isInteger(n) || n < 1)) fail("--services takes positive integers, e.g. 1000 or 100,1000,3000");
    } else if (flag === "--out") out = value();
    else if (flag === "--result") result = value();
    else if (flag === "--startup") startup = true;
    else if (flag === "--runs") {
      runs = Number(value());
      if (!Number.isInteger(runs) || runs < 1) fail("--runs takes a positive integer");
    }
    else if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown option ${arg}`);
  }
  return { counts: counts ?? (startup ? [10, 100] : [1000]), out: resolve(process.cwd(), out), startup, runs, ...(result === undefined ? {} : { result }) };
}

function fail(message: string): never {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------------- format

/** 12345 → `12 345`. */
function int(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 100 ? 3 : 2)} s`;
}

function perSecond(count: number, ms: number): string {
  return `${int(count / (ms / 1000))} resources/s`;
}

function mib(bytes: number): string {
  return `${int(bytes / 1024 / 1024)} MiB`;
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${int(bytes / 1024)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function line(label: string, value: string, note = ""): string {
  return `  ${label.padEnd(34)} ${value.padStart(9)}${note === "" ? "" : `  ${note}`}`;
}

// ----------------------------------------------------------------------------------------------------------- measure

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * Deletes `dir` (untimed), then waits for the disk to settle: deleting or writing tens of thousands of files leaves
 * the kernel flushing for a while, which would otherwise land on whatever is timed next. `sync` flushes everything
 * pending; it is skipped where there is no `sync` command.
 */
function clearAndSettle(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  settle();
}

function settle(): void {
  spawnSync("sync", { stdio: "ignore" });
}

/** Stops the bench when the synthetic platform does not render: a bug in the bench, not a slow result. */
function ensureRendered(synthesis: Synthesis): void {
  const errors = [
    ...synthesis.specErrors.map((e) => `${e.file}: ${e.subject}: ${e.path}: ${e.message}${e.environment === undefined ? "" : ` (${e.environment})`}`),
    ...synthesis.renderProblems.map(formatRenderProblem),
  ];
  if (errors.length === 0) return;
  console.error(`bench: the synthetic platform does not render (${errors.length} errors); first ones:`);
  for (const e of errors.slice(0, 10)) console.error(`  ${e}`);
  process.exit(1);
}

const KUSTOMIZATION = /(^|\/)kustomization\.yaml$/;

function kindsOf(files: readonly RenderedFile[]): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const file of files) {
    if (KUSTOMIZATION.test(file.path)) continue;
    const kind = /^kind: *([A-Za-z0-9]+)\s*$/m.exec(file.content)?.[1] ?? "?";
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return kinds;
}

function sum(map: ReadonlyMap<string, number>): number {
  return [...map.values()].reduce((a, b) => a + b, 0);
}

interface HelmResult {
  readonly version: string;
  readonly ms: number;
  readonly objects: number;
  readonly files: number;
  readonly kinds: Map<string, number>;
  readonly valuesBytes: number;
  readonly bytes: number;
  readonly comparison: HelmComparison;
}

interface RunResult {
  readonly services: number;
  readonly environments: number;
  readonly resources: number;
  readonly files: number;
  /** Process startup: node, tsx and the imports, before any work. */
  readonly startupMs: number;
  /** (b) `cloudlab synth` cold: render, gate and write into an empty folder, no render records. */
  readonly cold: { readonly ms: number; readonly summary: string };
  /** Peak RSS of the process right after the cold synth (its render worker included, when it uses one). */
  readonly synthPeakRss: number;
  /** (c) after one image tag changed, with the records of (b). */
  readonly incremental: { readonly ms: number; readonly summary: string; readonly written: number };
  /** (c') nothing changed. */
  readonly unchanged: { readonly ms: number; readonly summary: string };
  /** (a) render only, in memory, one thread. */
  readonly inMemoryMs: number;
  /** (d) the PR gate over the written files (parsed from YAML), one thread and two. */
  readonly validate: {
    readonly ms: number;
    readonly cpuMs: number;
    readonly parallelMs: number;
    readonly errors: number;
    readonly warnings: number;
    /** One thread, layer by layer: the gate's time with the layers up to each (the differences are each layer's cost). */
    readonly layers: readonly { readonly name: string; readonly ms: number }[];
  };
  readonly peakRss: number;
  readonly helm: HelmResult | string;
}

// -------------------------------------------------------------------------------------------------------------- helm

function helmVersion(tools: KubeTools, env: NodeJS.ProcessEnv): string {
  const result = spawnSync(tools.helm, ["version", "--short"], { encoding: "utf8", env });
  return result.status === 0 ? result.stdout.trim() : "unknown version";
}

function runHelm(tools: KubeTools | undefined, definition: PlatformDefinition, rendered: readonly RenderedFile[], out: string): HelmResult | string {
  settle();
  if (tools === undefined) return "not available";
  const chart = join(out, "chart");
  const helmOut = join(out, "helm");
  // Keep helm's cache and config inside the output folder, away from the user's home.
  const env = {
    ...process.env,
    HELM_CACHE_HOME: join(out, ".helm", "cache"),
    HELM_CONFIG_HOME: join(out, ".helm", "config"),
    HELM_DATA_HOME: join(out, ".helm", "data"),
  };
  const { valuesBytes } = writeHelmChart(chart, definition);
  clearAndSettle(helmOut);
  const [result, ms] = time(() =>
    spawnSync(tools.helm, ["template", "bench", chart, "--output-dir", helmOut], {
      env,
      encoding: "utf8",
      // helm prints one "wrote …" line per object; drop it rather than buffer megabytes of it.
      stdio: ["ignore", "ignore", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  if (result.error !== undefined || result.status !== 0) {
    const reason = result.error?.message ?? result.stderr.trim().split("\n").slice(0, 5).join("\n    ");
    return `failed (exit ${result.status ?? "?"}): ${reason}`;
  }
  const { kinds, files, bytes } = countHelmObjects(helmOut);
  const comparison = compareWithCloudlab(helmOut, rendered);
  return { version: helmVersion(tools, env), ms, objects: sum(kinds), files, kinds, valuesBytes, bytes, comparison };
}

// --------------------------------------------------------------------------------------------------------------- run

/** An `Io` for `synthPlatform` that keeps what it prints. */
function captureIo(cwd: string): { io: { cwd: string; stdout: Writable; stderr: Writable }; text: () => string } {
  let text = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { io: { cwd, stdout: sink, stderr: sink }, text: () => text };
}

/** One `cloudlab synth` of the platform into `<out>/cloudlab`, records in `<out>/node_modules/.cache`. */
async function synth(definition: PlatformDefinition, out: string): Promise<{ ms: number; summary: string }> {
  const { io, text } = captureIo(out);
  const start = performance.now();
  const code = await synthPlatform(definition, { platform: "(synthetic)", out: "cloudlab", environments: [], check: false }, io);
  const ms = performance.now() - start;
  const lines = text().trim().split("\n");
  if (code !== 0) {
    console.error(`bench: cloudlab synth failed (exit ${code}); first lines:\n  ${lines.slice(0, 10).join("\n  ")}`);
    process.exit(1);
  }
  return { ms, summary: lines.at(-1)!.replace(/^synth: [^:]+: /, "") };
}

async function runOnce(count: number, out: string, tools: KubeTools | undefined): Promise<RunResult> {
  const root = join(out, "cloudlab");
  const [definition, buildMs] = time(() => syntheticPlatform(count));
  const flavours = { grpc: 0, http: 0, stateful: 0 };
  for (let i = 0; i < count; i++) flavours[flavourOf(i)]++;
  console.log(`\n=== ${int(count)} services × ${definition.environments.length} environments (${TENANTS.length} tenants) ===`);
  console.log(
    `  platform: ${flavours.grpc} autoscaled gRPC, ${flavours.http} fixed HTTP, ${flavours.stateful} stateful; ` +
      `environments ${definition.environments.map((e) => e.spec.name).join(", ")}; built in ${secs(buildMs)}`,
  );

  // (b) `cloudlab synth`, cold: empty output folder, no render records. First, so nothing is warmed up for it.
  rmSync(join(out, "node_modules"), { recursive: true, force: true });
  clearAndSettle(root);
  gc();
  const cold = await synth(definition, out);
  const synthPeakRss = peakRss();
  const written = readTree(root, definition.environments.map((e) => e.spec.name));
  const rendered = [...written].map(([path, content]) => ({ path, content })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const kinds = kindsOf(rendered);
  const resources = sum(kinds);
  const bytes = rendered.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
  console.log(`  rendered: ${int(resources)} resources in ${int(rendered.length)} files (+ ${rendered.length - resources} kustomization.yaml), ${size(bytes)} of YAML`);
  console.log(`  kinds: ${[...kinds].map(([k, n]) => `${k} ${int(n)}`).join(", ")}`);
  console.log(line("(b) synth cold (render+gate+write)", secs(cold.ms), `${perSecond(resources, cold.ms)}; ${cold.summary}`));
  console.log(line("    peak RSS so far", mib(synthPeakRss), "(a render worker thread included, where synth uses one)"));

  // (c) incremental: one service's image tag changes; only its workload files should be rewritten.
  const target = definition.services.find((_, i) => i >= Math.floor(count / 2) && flavourOf(i) === "grpc") ?? definition.services[0]!;
  settle();
  gc();
  const incremental = await synth(withImageTag(definition, target.spec.name, "v1.99.0"), out);
  const incrementalWritten = Number(/(\d+) written/.exec(incremental.summary)?.[1] ?? -1);
  console.log(line("(c) synth after 1 image tag changed", secs(incremental.ms), `${((incremental.ms / cold.ms) * 100).toFixed(1)} % of (b); ${incremental.summary}`));
  settle();
  const unchanged = await synth(withImageTag(definition, target.spec.name, "v1.99.0"), out);
  console.log(line("(c') synth, nothing changed", secs(unchanged.ms), unchanged.summary));

  // (a) render only, in memory, on this thread (warm).
  gc();
  const [synthesis, inMemoryMs] = time(() => synthesize(definition));
  ensureRendered(synthesis);
  console.log(line("(a) render only, in memory, 1 thread", secs(inMemoryMs), perSecond(resources, inMemoryMs)));

  // (d) the PR gate over the written files, as `cloudlab validate environments/` reads them (YAML parsed).
  gc();
  const groups = renderedGroups(definition, rendered, "environments");
  const cpuBefore = process.cpuUsage();
  const [gate, validateMs] = time(() => validateGroups(groups));
  const cpu = process.cpuUsage(cpuBefore);
  const start = performance.now();
  await validateInParallel(groups);
  const parallelMs = performance.now() - start;
  const layers = GATE_LAYERS.map(({ name, categories }) => {
    gc();
    const rules = RULES.filter((r) => categories.includes(r.category));
    return { name, ms: time(() => validateGroups(groups, { rules }))[1] };
  });
  const validate = {
    layers,
    ms: validateMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    parallelMs,
    errors: gate.findings.filter((f) => f.severity === "error").length,
    warnings: gate.findings.filter((f) => f.severity === "warning").length,
  };
  console.log(line("(d) validate the files, 1 thread", secs(validateMs), `${perSecond(gate.resources, validateMs)}; ${validate.errors} errors, ${validate.warnings} warnings`));
  console.log(line("    validate the files, 2 threads", secs(parallelMs), perSecond(gate.resources, parallelMs)));
  console.log(line("    by layer, 1 thread", layerText(layers)));

  // Helm: the equivalent chart, rendered by the real helm in a child process (startup included).
  const helm = runHelm(tools, definition, rendered, out);
  if (typeof helm === "string") {
    console.log(`  helm: ${helm}`);
  } else {
    console.log(
      line(
        "helm template --output-dir",
        secs(helm.ms),
        `${perSecond(helm.objects, helm.ms)}; ${helm.version}, values ${size(helm.valuesBytes)}, wrote ${helm.files} files, ${size(helm.bytes)}`,
      ),
    );
    const allKinds = [...new Set([...kinds.keys(), ...helm.kinds.keys()])].sort();
    const mismatched = allKinds.filter((k) => (kinds.get(k) ?? 0) !== (helm.kinds.get(k) ?? 0));
    console.log(
      `  objects: cloudlab ${int(resources)}, helm ${int(helm.objects)}` +
        (mismatched.length === 0
          ? " (same kinds and counts)"
          : `; differ: ${mismatched.map((k) => `${k} ${kinds.get(k) ?? 0}/${helm.kinds.get(k) ?? 0}`).join(", ")} (cloudlab/helm)`),
    );
    const cmp = helm.comparison;
    const notes = [
      cmp.different.length > 0 ? `${cmp.different.length} differ (e.g. ${cmp.different[0]})` : "",
      cmp.onlyCloudlab.length > 0 ? `${cmp.onlyCloudlab.length} only in cloudlab (e.g. ${cmp.onlyCloudlab[0]})` : "",
      cmp.onlyHelm.length > 0 ? `${cmp.onlyHelm.length} only in helm (e.g. ${cmp.onlyHelm[0]})` : "",
    ].filter((n) => n !== "");
    console.log(`  content: ${int(cmp.identical)} of ${int(resources)} objects identical as data${notes.length === 0 ? "" : `; ${notes.join("; ")}`}`);
    console.log(line("ratio cloudlab/helm", `${(cold.ms / helm.ms).toFixed(2)}×`, `synth cold vs helm template --output-dir (${((cold.ms + STARTUP_MS) / helm.ms).toFixed(2)}× with cloudlab's process startup)`));
  }

  return {
    services: count,
    environments: definition.environments.length,
    resources,
    files: rendered.length,
    startupMs: STARTUP_MS,
    cold,
    synthPeakRss,
    incremental: { ...incremental, written: incrementalWritten },
    unchanged,
    inMemoryMs,
    validate,
    peakRss: peakRss(),
    helm,
  };
}

/** The gate's layers, cumulatively: each entry runs the rules of its categories and of every entry before it. */
const GATE_LAYERS: readonly { readonly name: string; readonly categories: readonly RuleCategory[] }[] = (() => {
  const steps: [string, RuleCategory[]][] = [
    ["parse+schema", ["syntax", "schema", "api-version"]],
    ["apiserver+webhook", ["apiserver", "webhook"]],
    ["analysis", ["analysis"]],
    ["policy", ["policy"]],
  ];
  return steps.map(([name], i) => ({ name, categories: steps.slice(0, i + 1).flatMap(([, categories]) => categories) }));
})();

/** `parse+schema 1.20 s, apiserver+webhook +0.30 s, …`: each layer's added time. */
function layerText(layers: readonly { readonly name: string; readonly ms: number }[]): string {
  return layers.map((l, i) => (i === 0 ? `${l.name} ${secs(l.ms)}` : `${l.name} +${secs(Math.max(0, l.ms - layers[i - 1]!.ms)).trim()}`)).join(", ");
}

function printSummary(results: readonly RunResult[]): void {
  console.log("\n=== summary ===");
  for (const r of results) {
    console.log(`\n  ${int(r.services)} services, ${r.environments} environments: ${int(r.resources)} resources, ${int(r.files)} files`);
    console.log(line("synth cold (render+gate+write):", secs(r.cold.ms), `(${perSecond(r.resources, r.cold.ms)}; process startup ${secs(r.startupMs)} more)`));
    console.log(line("synth after 1 image tag:", secs(r.incremental.ms), `(${((r.incremental.ms / r.cold.ms) * 100).toFixed(1)} % of cold; ${r.incremental.written} files written)`));
    console.log(line("synth, nothing changed:", secs(r.unchanged.ms)));
    console.log(line("render only, in memory, 1 thread:", secs(r.inMemoryMs), `(${perSecond(r.resources, r.inMemoryMs)})`));
    console.log(
      line(
        "validate files, 1 / 2 threads:",
        secs(r.validate.ms),
        `/ ${secs(r.validate.parallelMs)} (${perSecond(r.resources, r.validate.ms)}, ${perSecond(r.resources, r.validate.cpuMs)} per CPU-second)`,
      ),
    );
    console.log(line("validate by layer, 1 thread:", layerText(r.validate.layers)));
    if (typeof r.helm === "string") console.log(`  helm: ${r.helm}`);
    else {
      console.log(line("helm template --output-dir:", secs(r.helm.ms), `(${perSecond(r.helm.objects, r.helm.ms)}, ${int(r.helm.objects)} objects)`));
      console.log(line("ratio cloudlab/helm (synth cold):", `${(r.cold.ms / r.helm.ms).toFixed(2)}×`, `(with cloudlab's startup: ${((r.cold.ms + r.startupMs) / r.helm.ms).toFixed(2)}×)`));
    }
    console.log(line("peak RSS: synth / whole bench:", mib(r.synthPeakRss), `/ ${mib(r.peakRss)}`));
  }
  if (results.length > 1) {
    console.log("\n  growth:");
    const header = ["services", "resources", "synth cold", "per 1k res", "incremental", "helm", "ratio", "synth RSS"];
    console.log(`  ${header.map((h) => h.padStart(12)).join("")}`);
    for (const r of results) {
      const helm = typeof r.helm === "string" ? "n/a" : secs(r.helm.ms);
      const ratio = typeof r.helm === "string" ? "n/a" : `${(r.cold.ms / r.helm.ms).toFixed(2)}×`;
      const cells = [int(r.services), int(r.resources), secs(r.cold.ms), secs((r.cold.ms / r.resources) * 1000), secs(r.incremental.ms), helm, ratio, mib(r.synthPeakRss)];
      console.log(`  ${cells.map((c) => c.padStart(12)).join("")}`);
    }
  }
}

/** Runs one size in a child process (its own heap and peak RSS) and returns its result. */
function runChild(count: number, out: string): RunResult {
  const result = join(out, `result-${count}.json`);
  rmSync(result, { force: true });
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, "--services", String(count), "--out", out, "--result", result], { stdio: "inherit" });
  if (child.status !== 0) {
    console.error(`bench: the ${count}-service run failed (exit ${child.status ?? child.signal})`);
    process.exit(1);
  }
  return JSON.parse(readFileSync(result, "utf8")) as RunResult;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.startup) {
    let tools: KubeTools | undefined;
    try {
      tools = kubeTools();
    } catch {
      tools = undefined;
    }
    runStartupBench({ runs: options.runs, services: options.counts, out: options.out, tools });
    return;
  }
  if (options.result !== undefined) {
    let tools: KubeTools | undefined;
    try {
      tools = kubeTools();
    } catch (error) {
      console.log(`  helm: not available (${error instanceof Error ? error.message : String(error)})`);
    }
    const result = await runOnce(options.counts[0]!, options.out, tools);
    const { writeFileSync, mkdirSync } = await import("node:fs");
    mkdirSync(options.out, { recursive: true });
    writeFileSync(options.result, JSON.stringify(result));
    return;
  }
  console.log(`cloudlab bench: services ${options.counts.map(int).join(", ")}; output ${options.out}; ${process.version}`);
  if ((globalThis as { gc?: unknown }).gc === undefined) console.log("  (run with node --expose-gc for steadier memory figures)");
  const results = options.counts.map((count) => runChild(count, options.out));
  printSummary(results);
  console.log(`\n  output: ${join(options.out, "cloudlab")}, ${join(options.out, "chart")}, ${join(options.out, "helm")}`);
}

await main();
