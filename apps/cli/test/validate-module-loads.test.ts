import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript without declarations: the bin's own module.
import { freshBuild } from "../bin/build-state.js";
import { makeTempDir } from "./helpers.ts";

const TEST_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(TEST_DIR, "../../..");
const BIN = join(REPO_ROOT, "apps/cli/bin/cloudlab.js");
const DIST = join(REPO_ROOT, "apps/cli/dist");
const DEPLOYMENT = "environments/prod-us-west-2/boutique/loadgenerator/deployment-loadgenerator.yaml";

/** Every module `cloudlab <args>` loads, as repository-relative paths (dist chunks stand for the files bundled in them). */
function modulesLoadedBy(args: readonly string[]): { packages: string[]; bundled: string[] } {
  const trace = join(makeTempDir(), "loads.txt");
  const result = spawnSync(process.execPath, ["--import", join(TEST_DIR, "trace-module-loads.mjs"), BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, CLOUDLAB_TRACE_LOADS: trace },
  });
  expect(result.stderr).toMatch(/^validate: 0 errors, 0 warnings in 1 resource \(1 file\)/);
  // One path per module: where Node's load hooks also see CommonJS modules (Node 26's `registerHooks`), a chunk is
  // both a hook's file URL and a require cache's path.
  const loaded = [...new Set(readFileSync(trace, "utf8").split("\n").filter((line) => line !== "").map((entry) => (entry.startsWith("file:") ? fileURLToPath(entry) : entry).slice(REPO_ROOT.length + 1)))];
  const meta = JSON.parse(readFileSync(join(DIST, "meta.json"), "utf8")) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  const bundled = loaded.filter((path) => path.startsWith("apps/cli/dist/")).flatMap((chunk) => Object.keys(meta.outputs[chunk]?.inputs ?? {}));
  return { packages: loaded.filter((path) => path.startsWith("node_modules/") || path.includes("/node_modules/")), bundled };
}

// What the compiled CLI loads is the claim (the sources through tsx load each package's whole index). `npm ci` builds
// it, so CI always runs this; a working tree whose sources changed since the last `npm run build` skips it.
const compiled = process.env.CLOUDLAB_FROM_SOURCES !== "1" && freshBuild() !== undefined;

describe.skipIf(!compiled)("cloudlab validate <one Deployment> (compiled CLI; skipped when dist/ is stale: npm run build)", () => {
  it("loads the gate and the Deployment's model, never cdk8s, the constructs or ajv's compiler", () => {
    const { packages, bundled } = modulesLoadedBy(["validate", DEPLOYMENT]);
    // The trace sees both kinds of module: the gate's bundled sources (and the packages bundled with them: the YAML
    // parser), and packages' CommonJS files (the Deployment's model).
    expect(bundled).toContain("packages/validate/src/rules/index.ts");
    expect(packages.length).toBeGreaterThan(0);
    expect(bundled.filter((path) => path.startsWith("packages/constructs/"))).toEqual([]);
    expect(bundled.filter((path) => /(^|\/)node_modules\/yaml\/dist\/index\.js$/.test(path))).toHaveLength(1);
    expect([...packages, ...bundled].filter((path) => /(^|\/)node_modules\/(cdk8s|cdk8s-plus-[0-9]+|constructs)\//.test(path))).toEqual([]);
    // ajv's run-time helpers (required by the models' standalone validators) only, not its compiler.
    expect(packages.filter((path) => /(^|\/)node_modules\/ajv\//.test(path) && !/(^|\/)node_modules\/ajv\/dist\/runtime\//.test(path))).toEqual([]);
    // and of the kubernetes-models classes, the Deployment's at most (their schemas live under _schemas/)
    const models = packages.filter((path) => /(^|\/)node_modules\/kubernetes-models\/(?!_)/.test(path));
    expect(models.filter((path) => !path.endsWith("/apps/v1/Deployment.js"))).toEqual([]);
  });

  it("starts no ES module loader for --help or validate: the bin, its build record's reader and the compiled CLI are CommonJS", () => {
    for (const args of [["--help"], ["validate", DEPLOYMENT]]) {
      // NODE_DEBUG=esm: Node's ES module loader names every module it handles, the bin first when the bin is one.
      const result = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, NODE_DEBUG: "esm" } });
      expect([args[0], result.status, result.stderr.split("\n").filter((line) => /^ESM \d+:/.test(line))]).toEqual([args[0], 0, []]);
    }
  });
});
