import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";
import type { PlatformDefinition } from "@cloudlab/model";
import { synthesize } from "@cloudlab/render";
import type { Io } from "../src/io.ts";
import { loadPlatform } from "../src/load-platform.ts";
import { main } from "../src/main.ts";

const created: string[] = [];

// Every temporary directory made by a test is removed once the test ends.
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh, empty temporary directory, removed after the current test. */
export function makeTempDir(prefix = "cloudlab-cli-"): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  created.push(dir);
  return dir;
}

/** Writes `content` to `root/path`, creating folders as needed. */
export function writeFile(root: string, path: string, content: string): void {
  const target = join(root, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}

/** A spec file: a plain default-exported object (the `define*` helpers are identity functions). */
export function specSource(spec: unknown): string {
  return `export default ${JSON.stringify(spec, null, 2)};\n`;
}

/** The specs of the small test platform, by path under the working directory. */
export function samplePlatformSpecs(): Record<string, unknown> {
  const probes = { readiness: { http: { path: "/healthz", port: "http" } }, liveness: { http: { path: "/healthz", port: "http" } } };
  return {
    "platform/tenants/shop.ts": { name: "shop", team: "shop", description: "The test shop." },
    "platform/services/shop/checkout.ts": {
      name: "checkout",
      team: "shop",
      tenant: "shop",
      description: "Places orders.",
      image: { repository: "registry.example/shop/checkout", tag: "1.0.0" },
      ports: [{ name: "http", port: 8080, protocol: "http" }],
      resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
      probes,
      autoscaling: { minReplicas: 2, maxReplicas: 20 },
    },
    "platform/services/shop/web.ts": {
      name: "web",
      team: "shop",
      tenant: "shop",
      description: "The shop's web UI.",
      image: { repository: "registry.example/shop/web", tag: "2.3.4" },
      ports: [{ name: "http", port: 80, targetPort: 8080, protocol: "http" }],
      env: [{ name: "CHECKOUT_ADDR", value: "checkout:8080" }],
      resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
      probes: { readiness: { http: { path: "/healthz", port: 8080 } }, liveness: { http: { path: "/healthz", port: 8080 } } },
      calls: ["checkout"],
    },
    "platform/environments/dev.ts": {
      name: "dev",
      stage: "dev",
      cluster: { name: "dev-us-west-2", provider: "eks", region: "us-west-2" },
    },
    "platform/environments/prod-us-west-2.ts": {
      name: "prod-us-west-2",
      stage: "prod",
      cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2", role: "primary" },
    },
  };
}

/** Specs keyed by their path under `platform/` (as `samplePlatformSpecs` gives them) as a definition, without files on disk. */
export function definitionOf(specs: Record<string, unknown>): PlatformDefinition {
  const sourced = (folder: string) =>
    Object.entries(specs)
      .filter(([path]) => path.startsWith(`platform/${folder}/`))
      .map(([file, spec]) => ({ file, spec }));
  return { tenants: sourced("tenants"), services: sourced("services"), environments: sourced("environments") } as PlatformDefinition;
}

/** A temporary working directory holding the small test platform under `platform/`. */
export function makeWorkspace(specs: Record<string, unknown> = samplePlatformSpecs()): string {
  const cwd = makeTempDir();
  for (const [path, spec] of Object.entries(specs)) writeFile(cwd, path, specSource(spec));
  return cwd;
}

/**
 * A new working directory holding `specs`, with a copy (timestamps preserved) of `previous`'s `environments/`.
 *
 * Tests run the CLI in-process, and a module, once imported, is not read again from the same path in the same process
 * (the real CLI loads each file once per run). So a test that changes a spec continues in a fresh directory, where the
 * spec files are new paths but keep the same names relative to the working directory.
 */
export function nextWorkspace(previous: string, specs: Record<string, unknown>): string {
  const cwd = makeWorkspace(specs);
  const from = join(previous, "environments");
  if (existsSync(from)) cpSync(from, join(cwd, "environments"), { recursive: true, preserveTimestamps: true });
  return cwd;
}

/** An Io that captures what a command writes. */
export interface FakeIo extends Io {
  readonly out: () => string;
  readonly err: () => string;
}

/** A fake Io rooted at `cwd`, capturing stdout and stderr as strings. */
export function fakeIo(cwd: string): FakeIo {
  let out = "";
  let err = "";
  return {
    cwd,
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    out: () => out,
    err: () => err,
  };
}

/** The result of one CLI run. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with `cwd` as the working directory. */
export async function run(cwd: string, argv: readonly string[]): Promise<RunResult> {
  const io = fakeIo(cwd);
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** Every file under `root`, keyed by its path relative to `root` (with `/`), sorted; empty when `root` is missing. */
export function snapshotTree(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (relative: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else files.set(path, readFileSync(join(root, path)));
    }
  };
  walk("");
  return files;
}

/** Every directory under `root` (relative, with `/`), sorted. */
export function listDirectories(root: string): string[] {
  const dirs: string[] = [];
  const walk = (relative: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
      dirs.push(path);
      walk(path);
    }
  };
  walk("");
  return dirs.sort();
}

/**
 * What a fresh render of `specs` gives, from the pure pipeline (load + synthesize, no CLI writing): the reference the
 * CLI's output tree is compared with. Keyed by path under the output folder, sorted.
 */
export async function referenceRender(specs: Record<string, unknown> = samplePlatformSpecs()): Promise<Map<string, Buffer>> {
  const cwd = makeWorkspace(specs);
  const synthesis = synthesize(await loadPlatform("platform", cwd));
  const errors = [...synthesis.specErrors, ...synthesis.renderProblems];
  if (errors.length > 0) throw new Error(`the reference platform does not render: ${JSON.stringify(errors)}`);
  return new Map(synthesis.files.map((file) => [file.path, Buffer.from(file.content)]));
}

/** The paths whose bytes differ between two trees, or that only one of them holds, sorted. */
export function changedPaths(a: ReadonlyMap<string, Buffer>, b: ReadonlyMap<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths]
    .filter((path) => {
      const left = a.get(path);
      const right = b.get(path);
      return left === undefined || right === undefined || !left.equals(right);
    })
    .sort();
}
