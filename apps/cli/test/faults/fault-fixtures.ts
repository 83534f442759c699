import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { makeTempDir, specSource, writeFile } from "../helpers.ts";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
export const BIN = join(REPO_ROOT, "apps/cli/bin/cloudlab.js");
/** The preload that makes the child's file layer fail (see inject-fs-failure.mjs). */
export const INJECT_FS_FAILURE = join(dirname(fileURLToPath(import.meta.url)), "inject-fs-failure.mjs");

/** The platform of the fault tests: one tenant, `services` services, a dev and a prod environment. */
export interface FaultPlatform {
  readonly services: number;
  /** Services `first … first + services - 1` are named `svc-<n>`: two variants with different `first` add and remove some. */
  readonly first?: number;
  /** Every service's team (it labels every object of the service: a change rewrites all its files). */
  readonly team: string;
  readonly tag: string;
}

/** The spec files of a {@link FaultPlatform}, by path under `platformDir`. */
export function faultPlatformSpecs(platform: FaultPlatform): Record<string, unknown> {
  const probes = { readiness: { http: { path: "/healthz", port: "http" } }, liveness: { http: { path: "/healthz", port: "http" } } };
  const specs: Record<string, unknown> = {
    "tenants/shop.ts": { name: "shop", team: "shop", description: "The fault tests' shop." },
    "environments/dev.ts": { name: "dev", stage: "dev", cluster: { name: "dev-us-west-2", provider: "eks", region: "us-west-2" } },
    "environments/prod.ts": { name: "prod", stage: "prod", cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2", role: "primary" } },
  };
  const first = platform.first ?? 0;
  for (let n = first; n < first + platform.services; n++) {
    specs[`services/shop/svc-${n}.ts`] = {
      name: `svc-${n}`,
      team: platform.team,
      tenant: "shop",
      description: `Fault-test service ${n}.`,
      image: { repository: `registry.example/shop/svc-${n}`, tag: platform.tag },
      ports: [{ name: "http", port: 8080, protocol: "http" }],
      resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "20m", memory: "32Mi" } },
      probes,
      autoscaling: { minReplicas: 2, maxReplicas: 20 },
    };
  }
  return specs;
}

/** Writes a platform's spec files under `cwd/platformDir`. */
export function writePlatform(cwd: string, platformDir: string, platform: FaultPlatform): void {
  for (const [path, spec] of Object.entries(faultPlatformSpecs(platform))) writeFile(cwd, `${platformDir}/${path}`, specSource(spec));
}

/** A working directory for the real bin (an ESM package, as the repository is). */
export function binWorkspace(): string {
  const cwd = makeTempDir("cloudlab-faults-");
  writeFileSync(join(cwd, "package.json"), '{ "type": "module" }\n');
  return cwd;
}

/** The result of one run of the real bin. */
export interface BinResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time of the run, ms. */
  readonly ms: number;
}

/** Options of {@link startBin}. */
export interface BinOptions {
  /** `node --import` this file first (a fault injector). */
  readonly preload?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** Starts the real `cloudlab` bin in a child process; `result` settles when it exits. */
export function startBin(cwd: string, args: readonly string[], options: BinOptions = {}): { child: ChildProcess; result: Promise<BinResult> } {
  const started = Date.now();
  const child = spawn(process.execPath, [...(options.preload === undefined ? [] : ["--import", options.preload]), BIN, ...args], {
    cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const result = new Promise<BinResult>((resolveResult) => {
    child.on("close", (code, signal) => resolveResult({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
  return { child, result };
}

/** Runs the real bin to its end. */
export function runBin(cwd: string, args: readonly string[], options: BinOptions = {}): Promise<BinResult> {
  return startBin(cwd, args, options).result;
}

/** Every path under `root` (files, relative, with `/`) whose name marks it as a temporary or staging file of synth. */
export function temporaryPaths(root: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.name.includes(".cloudlab-tmp") || entry.name.includes(".tmp-")) found.push(path);
      else if (entry.isDirectory()) walk(path);
    }
  };
  walk("");
  return found.sort();
}

/** Whether this process may mount a tmpfs (root on Linux, outside a container that forbids it). Checked once. */
let mountable: boolean | undefined;
export function canMountTmpfs(): boolean {
  if (mountable !== undefined) return mountable;
  const probe = makeTempDir("cloudlab-mount-probe-");
  mountable = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]).status === 0;
  if (mountable) spawnSync("umount", [probe]);
  return mountable;
}

/**
 * Mounts a tmpfs of `size` (e.g. "2m") at a new folder and returns it with its unmount. Tests unmount in `finally`
 * (lazily, so a file still open does not keep it).
 */
export function mountTmpfs(size: string): { dir: string; remount: (options: string) => void; unmount: () => void } {
  const dir = makeTempDir("cloudlab-tmpfs-");
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { encoding: "utf8" });
  if (mounted.status !== 0) throw new Error(`mount -t tmpfs failed: ${mounted.stderr}`);
  return {
    dir,
    remount: (options) => {
      const result = spawnSync("mount", ["-o", `remount,${options}`, dir], { encoding: "utf8" });
      if (result.status !== 0) throw new Error(`mount -o remount,${options} failed: ${result.stderr}`);
    },
    unmount: () => {
      spawnSync("umount", ["-l", dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fills the file system holding `dir` until a write fails (ENOSPC): the disk is then full. */
export function fillDisk(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const chunk = Buffer.alloc(64 * 1024, 120);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `filler-${i}`), chunk);
    } catch {
      // The last chunk did not fit: fill what is left in smaller pieces.
      for (let j = 0; j < 64; j++) {
        try {
          writeFileSync(join(dir, `filler-${i}-${j}`), Buffer.alloc(1024, 120));
        } catch {
          return;
        }
      }
      return;
    }
  }
}
