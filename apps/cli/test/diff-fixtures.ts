import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { makeTempDir, samplePlatformSpecs, specSource, writeFile } from "./helpers.ts";

/**
 * Fixtures of the `cloudlab diff` tests: the small test platform in the four kinds of environment, and throwaway git
 * repositories under the OS temp folder holding a copy of this repository's code (so the base revision renders with
 * its own `apps/cli/bin/cloudlab.js`) with node_modules linked from this checkout.
 */

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

type Specs = Record<string, any>;

/**
 * The sample platform (tenant shop; checkout autoscaled 2–20; web calling checkout) in dev, staging, prod-us-west-2
 * (primary) and prod-us-east-1 (DR), with web a canary of two versions (v1 90 %, v2 10 %) on 3 replicas.
 */
export function diffPlatformSpecs(change: (specs: Specs) => void = () => {}): Specs {
  const specs = samplePlatformSpecs() as Specs;
  specs["platform/environments/staging.ts"] = { name: "staging", stage: "staging", cluster: { name: "staging-us-west-2", provider: "eks", region: "us-west-2" } };
  specs["platform/environments/prod-us-east-1.ts"] = {
    name: "prod-us-east-1",
    stage: "prod",
    cluster: { name: "prod-us-east-1", provider: "eks", region: "us-east-1", role: "dr" },
  };
  Object.assign(specs["platform/services/shop/web.ts"], {
    replicas: 3,
    versions: [
      { name: "v1", weight: 90 },
      { name: "v2", image: { tag: "2.4.0" }, weight: 10 },
    ],
  });
  change(specs);
  return specs;
}

/** Writes `specs` (paths under the repository) as spec files, replacing what is under `platform/`. */
export function writeSpecs(root: string, specs: Specs): void {
  for (const [path, spec] of Object.entries(specs)) writeFile(root, path, specSource(spec));
}

/** Runs git in `cwd` with a fixed identity and clock; returns stdout, throws with stderr on failure. */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "test",
      GIT_AUTHOR_EMAIL: "test@example.com",
      GIT_COMMITTER_NAME: "test",
      GIT_COMMITTER_EMAIL: "test@example.com",
      GIT_AUTHOR_DATE: "2024-01-01T00:00:00Z",
      GIT_COMMITTER_DATE: "2024-01-01T00:00:00Z",
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}

/** Commits everything in the repository; returns the commit. */
export function commitAll(root: string, message: string): string {
  git(root, "add", "-A");
  git(root, "commit", "--quiet", "--allow-empty", "-m", message);
  return git(root, "rev-parse", "HEAD");
}

/** The workspace folders whose code the CLI needs: every package, and the CLI. */
function codeFolders(): string[] {
  const packages = readdirSync(join(REPO_ROOT, "packages"), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(REPO_ROOT, "packages", e.name, "package.json")))
    .map((e) => `packages/${e.name}`);
  return [...packages, "apps/cli"];
}

/** Copies this repository's code (package.json, src/, bin/ of each package and of the CLI) into `root`. */
export function copyCode(root: string): void {
  cpSync(join(REPO_ROOT, "package.json"), join(root, "package.json"));
  for (const folder of codeFolders()) {
    for (const part of ["package.json", "src", "bin"]) {
      const from = join(REPO_ROOT, folder, part);
      if (existsSync(from)) cpSync(from, join(root, folder, part), { recursive: true });
    }
  }
}

/** Links node_modules (the root's and the packages' own) from this checkout, as an `npm ci` would have made them. */
export function linkInstalledPackages(root: string): void {
  symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"), "dir");
  for (const folder of codeFolders()) {
    const nested = join(REPO_ROOT, folder, "node_modules");
    if (existsSync(nested)) symlinkSync(nested, join(root, folder, "node_modules"), "dir");
  }
}

/**
 * A new git repository (branch `main`) under the OS temp folder, ignoring node_modules, with nothing committed yet.
 * `withCode`: a copy of this repository's code and its installed packages.
 */
export function makeRepository(withCode = true): string {
  const root = makeTempDir("cloudlab-repo-");
  git(root, "init", "--quiet", "--initial-branch=main");
  // No trailing slash: the linked node_modules are symlinks, which `node_modules/` would not ignore.
  writeFileSync(join(root, ".gitignore"), "node_modules\n");
  if (withCode) {
    copyCode(root);
    linkInstalledPackages(root);
  }
  return root;
}

/** A repository whose `main` holds the code and `specs`, committed; returns it with the commit. */
export function repositoryWith(specs: Specs): { root: string; commit: string } {
  const root = makeRepository();
  writeSpecs(root, specs);
  return { root, commit: commitAll(root, "base") };
}
