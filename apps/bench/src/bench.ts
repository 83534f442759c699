/**
 * The cloudlab benchmark: synthesizes a synthetic platform of N services × 4 environments, in memory and written to
 * disk (cold, then after a one-tag change), and renders an equivalent Helm chart with the real `helm template`.
 *
 *   npm run bench -- [--services 1000 | --services 100,1000,3000] [--out dist/bench]
 *
 * A benchmark, not a test: it reports times and never fails on slowness.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { kubeTools, type KubeTools } from "@cloudlab/kube-tools";
import type { PlatformDefinition } from "@cloudlab/model";
import { formatRenderProblem, planWrite, synthesize, type RenderedFile, type Synthesis } from "@cloudlab/render";
import { applyWritePlan, readTree } from "../../cli/src/output-tree.ts";
import { renderedGroups } from "../../cli/src/validation-gate.ts";
import { validateGroups } from "@cloudlab/validate";
import { compareWithCloudlab, countHelmObjects, writeHelmChart, type HelmComparison } from "./helm-chart.ts";
import { flavourOf, syntheticPlatform, TENANTS, withImageTag } from "./synthetic-platform.ts";

/** Milliseconds since the process started, once node, tsx and every import above are loaded. */
const STARTUP_MS = performance.now();

interface Options {
  readonly counts: readonly number[];
  readonly out: string;
}

const USAGE = "usage: npm run bench -- [--services N | --services N1,N2,...] [--out DIR]";

function parseArgs(argv: readonly string[]): Options {
  let counts = [1000];
  let out = "dist/bench";
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
    else if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown option ${arg}`);
  }
  return { counts, out: resolve(process.cwd(), out) };
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
  readonly inMemoryMs: number;
  readonly coldMs: number;
  readonly incrementalMs: number;
  readonly incrementalWritten: number;
  /** (d) The PR gate over the cold render, on one thread; CPU time in ms. */
  readonly validate: { readonly ms: number; readonly cpuMs: number; readonly errors: number; readonly warnings: number };
  readonly peakRss: number;
  readonly heapAfterRender: number;
  readonly helm: HelmResult | string;
}

// -------------------------------------------------------------------------------------------------------------- helm

function helmVersion(tools: KubeTools, env: NodeJS.ProcessEnv): string {
  const result = spawnSync(tools.helm, ["version", "--short"], { encoding: "utf8", env });
  return result.status === 0 ? result.stdout.trim() : "unknown version";
}

function runHelm(tools: KubeTools | undefined, definition: PlatformDefinition, rendered: readonly RenderedFile[], out: string): HelmResult | string {
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

/** Phase (a): `synthesize` alone, with what it renders and the heap it takes. */
function measureInMemory(definition: PlatformDefinition) {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const [synthesis, inMemoryMs] = time(() => synthesize(definition));
  const heapAfterRender = process.memoryUsage().heapUsed;
  ensureRendered(synthesis);
  const kinds = kindsOf(synthesis.files);
  const bytes = synthesis.files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
  gc();
  const heapRetained = process.memoryUsage().heapUsed - heapBefore;
  return { inMemoryMs, kinds, files: synthesis.files.length, bytes, heapAfterRender, heapRetained };
}

function runOnce(count: number, out: string, tools: KubeTools | undefined): RunResult {
  const root = join(out, "cloudlab");
  const [definition, buildMs] = time(() => syntheticPlatform(count));
  const flavours = { grpc: 0, http: 0, stateful: 0 };
  for (let i = 0; i < count; i++) flavours[flavourOf(i)]++;
  console.log(`\n=== ${int(count)} services × ${definition.environments.length} environments (${TENANTS.length} tenants) ===`);
  console.log(
    `  platform: ${flavours.grpc} autoscaled gRPC, ${flavours.http} fixed HTTP, ${flavours.stateful} stateful; ` +
      `environments ${definition.environments.map((e) => e.spec.name).join(", ")}; built in ${secs(buildMs)}`,
  );

  // (a) synthesize in memory (the result is measured, then dropped: (b) renders again and keeps its own).
  const { inMemoryMs, kinds, files, bytes, heapAfterRender, heapRetained } = measureInMemory(definition);
  const resources = sum(kinds);
  console.log(`  rendered: ${int(resources)} resources in ${int(files)} files (+ ${files - resources} kustomization.yaml), ${size(bytes)} of YAML`);
  console.log(`  kinds: ${[...kinds].map(([k, n]) => `${k} ${int(n)}`).join(", ")}`);
  console.log(line("(a) synthesize, in memory", secs(inMemoryMs), perSecond(resources, inMemoryMs)));

  // (b) the full synth, written cold into an empty folder, as `cloudlab synth` does.
  clearAndSettle(root);
  gc();
  const cold = time(() => {
    const [s, renderMs] = time(() => synthesize(definition));
    const [plan, planMs] = time(() => planWrite(readTree(root, s.environments), s.files));
    const [, writeMs] = time(() => applyWritePlan(root, plan));
    return { written: plan.write.length, renderMs, planMs, writeMs, rendered: s.files };
  });
  const coldMs = cold[1];
  const c = cold[0];
  console.log(
    line(
      "(b) synth render+write, cold",
      secs(coldMs),
      `${perSecond(resources, coldMs)}; render ${secs(c.renderMs)}, read+plan ${secs(c.planMs)}, write ${secs(c.writeMs)} (${int(c.written)} files)`,
    ),
  );

  // (c) incremental: one service's image tag changes; only its workload files should be rewritten.
  const target = definition.services.find((_, i) => i >= Math.floor(count / 2) && flavourOf(i) === "grpc") ?? definition.services[0]!;
  const changed = withImageTag(definition, target.spec.name, "v1.99.0");
  settle();
  gc();
  const incremental = time(() => {
    const s = synthesize(changed);
    const plan = planWrite(readTree(root, s.environments), s.files);
    applyWritePlan(root, plan);
    return { s, plan };
  });
  const incrementalMs = incremental[1];
  const { s: s2, plan } = incremental[0];
  ensureRendered(s2);
  const expected = s2.environments.length;
  console.log(
    line(
      `(c) incremental, 1 image tag`,
      secs(incrementalMs),
      `${int(plan.write.length)} files written, ${plan.remove.length} removed, ${int(plan.unchanged)} unchanged` +
        (plan.write.length === expected && plan.remove.length === 0 ? "" : `  (expected ${expected}: one workload per environment)`),
    ),
  );
  for (const file of plan.write.slice(0, 8)) console.log(`      wrote ${file.path}`);

  // (d) the PR gate (`cloudlab validate`, which synth runs before writing) over the cold render, on one thread.
  gc();
  const cpuBefore = process.cpuUsage();
  const [gate, validateMs] = time(() => validateGroups(renderedGroups(definition, c.rendered, "environments")));
  const cpu = process.cpuUsage(cpuBefore);
  const validate = { ms: validateMs, cpuMs: (cpu.user + cpu.system) / 1000, errors: gate.findings.filter((f) => f.severity === "error").length, warnings: gate.findings.filter((f) => f.severity === "warning").length };
  console.log(line("(d) validate (the PR gate), 1 thread", secs(validateMs), `${perSecond(gate.resources, validateMs)}; ${perSecond(gate.resources, validate.cpuMs)} per CPU-second; ${validate.errors} errors, ${validate.warnings} warnings`));

  const rss = peakRss();
  console.log(line("memory: peak RSS (process)", mib(rss), `heap used after render ${mib(heapAfterRender)}, retained by the result ${mib(heapRetained)}`));

  // Helm: the equivalent chart, rendered by the real helm in a child process (startup included).
  const helm = runHelm(tools, definition, c.rendered, out);
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
    console.log(line("ratio cloudlab/helm", `${(coldMs / helm.ms).toFixed(2)}×`, "synth render+write cold vs helm template --output-dir"));
  }

  return {
    services: count,
    environments: definition.environments.length,
    resources,
    files,
    inMemoryMs,
    coldMs,
    incrementalMs,
    incrementalWritten: plan.write.length,
    validate,
    peakRss: rss,
    heapAfterRender,
    helm,
  };
}

function printSummary(results: readonly RunResult[], warmupMs: number): void {
  console.log("\n=== summary ===");
  console.log(`  cloudlab process startup (node + tsx + imports): ${secs(STARTUP_MS)}; first-render overhead (10-service warm-up): ${secs(warmupMs)}`);
  for (const r of results) {
    console.log(`\n  ${int(r.services)} services, ${r.environments} environments: ${int(r.resources)} resources, ${int(r.files)} files`);
    console.log(line("synthesize (in memory):", secs(r.inMemoryMs), `(${perSecond(r.resources, r.inMemoryMs)})`));
    console.log(line("synth (render+write, cold):", secs(r.coldMs), `(${perSecond(r.resources, r.coldMs)})`));
    console.log(line("synth (incremental, 1 tag):", secs(r.incrementalMs), `(${r.incrementalWritten} files written)`));
    console.log(line("validate (1 thread):", secs(r.validate.ms), `(${perSecond(r.resources, r.validate.ms)}, ${perSecond(r.resources, r.validate.cpuMs)} per CPU-second)`));
    if (typeof r.helm === "string") console.log(`  helm: ${r.helm}`);
    else {
      console.log(line("helm template --output-dir:", secs(r.helm.ms), `(${perSecond(r.helm.objects, r.helm.ms)}, ${int(r.helm.objects)} objects)`));
      console.log(line("ratio cloudlab/helm (cold write):", `${(r.coldMs / r.helm.ms).toFixed(2)}×`, `(with cloudlab's startup: ${((r.coldMs + STARTUP_MS) / r.helm.ms).toFixed(2)}×)`));
    }
    console.log(line("peak RSS / heap after render:", mib(r.peakRss), `/ ${mib(r.heapAfterRender)}`));
  }
  if (results.length > 1) {
    console.log("\n  growth:");
    const header = ["services", "resources", "synth mem", "synth+write", "incremental", "helm", "ratio", "peak RSS"];
    console.log(`  ${header.map((h) => h.padStart(12)).join("")}`);
    for (const r of results) {
      const helm = typeof r.helm === "string" ? "n/a" : secs(r.helm.ms);
      const ratio = typeof r.helm === "string" ? "n/a" : `${(r.coldMs / r.helm.ms).toFixed(2)}×`;
      const cells = [int(r.services), int(r.resources), secs(r.inMemoryMs), secs(r.coldMs), secs(r.incrementalMs), helm, ratio, mib(r.peakRss)];
      console.log(`  ${cells.map((c) => c.padStart(12)).join("")}`);
    }
  }
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  let tools: KubeTools | undefined;
  try {
    tools = kubeTools();
  } catch (error) {
    console.log(`  helm: not available (${error instanceof Error ? error.message : String(error)})`);
  }
  console.log(`cloudlab bench: services ${options.counts.map(int).join(", ")}; output ${options.out}`);
  if ((globalThis as { gc?: unknown }).gc === undefined) console.log("  (run with node --expose-gc for steadier memory figures)");
  // One small render first, so one-time costs (schema compilation, lazy module init) do not land on the first size.
  const [, warmupMs] = time(() => ensureRendered(synthesize(syntheticPlatform(10))));
  const results = options.counts.map((count) => runOnce(count, options.out, tools));
  printSummary(results, warmupMs);
  console.log(`\n  output: ${join(options.out, "cloudlab")}${tools === undefined ? "" : `, ${join(options.out, "chart")}, ${join(options.out, "helm")}`}`);
}

main();
