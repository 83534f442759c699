import { spawnSync } from "node:child_process";
import Module from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { USAGE } from "../src/main.ts";
import { makeWorkspace, samplePlatformSpecs, snapshotTree, writeFile } from "./helpers.ts";

/** The repository root, from this file's location (apps/cli/test). */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const BIN = join(REPO_ROOT, "apps/cli/bin/cloudlab.js");

/** Runs the real `cloudlab` bin (tsx loader included) in `cwd`. */
function cloudlab(args: readonly string[], cwd = REPO_ROOT) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 120_000 });
  if (result.error !== undefined) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the cloudlab bin", () => {
  it("synth --check: the committed environments/ equal a fresh render of apps/platform", () => {
    const result = cloudlab(["synth", "--check"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^synth --check: [1-9][0-9]* files in 4 environments match a fresh render$/m);
    expect(result.stdout).not.toMatch(/^(differs|missing|not rendered): /m);
    expect(result.code).toBe(0);
  });

  it("--help: exit 0 with the usage", () => {
    expect(cloudlab(["--help"])).toEqual({ code: 0, stdout: USAGE, stderr: "" });
  });

  it("keeps Node's compile cache of the modules it loads under node_modules/.cache/cloudlab/ where Node has one (22.1+), not with CLOUDLAB_COMPILE_CACHE=0", () => {
    const traced = (env: Record<string, string>) =>
      spawnSync(process.execPath, [BIN, "--help"], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, NODE_DEBUG_NATIVE: "COMPILE_CACHE", ...env } });
    const on = traced({});
    const off = traced({ CLOUDLAB_COMPILE_CACHE: "0" });
    expect([on.status, on.stdout, off.status, off.stdout]).toEqual([0, USAGE, 0, USAGE]);
    expect(off.stderr).toBe("");
    if (typeof (Module as { enableCompileCache?: unknown }).enableCompileCache !== "function") {
      // Node 20: no compile cache (CI's second pass, under the current LTS, runs the rest of this test).
      expect(on.stderr).toBe("");
      return;
    }
    const folder = join(REPO_ROOT, "node_modules/.cache/cloudlab/node-compile-cache");
    expect(on.stderr).toContain(`[compile cache] resolved path ${folder}`);
    // The module the bin loads next, the CLI's entry, goes through the cache: the compiled one (CommonJS, under the
    // 16 KB from which the CLI's own cache takes a chunk) or the sources (an ES module).
    expect(on.stderr).toMatch(/\[compile cache\] .* for (CommonJS \/.*\/apps\/cli\/dist\/main\.js|ESM file:\/\/.*\/apps\/cli\/src\/main\.ts)/);
  });

  it("passes the exit code through: 2 for an unknown command", () => {
    const result = cloudlab(["deploy"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('cloudlab: unknown command "deploy"\nRun `cloudlab --help` for usage.\n');
  });

  it("reports a spec error in one line per error, exits 1 and writes nothing", () => {
    // A package.json with "type": "module", like the repository's: the bin registers tsx's ESM loader only.
    const specs = samplePlatformSpecs() as Record<string, any>;
    specs["platform/services/shop/checkout.ts"].resources.limits.cpu = "500mm";
    const cwd = makeWorkspace(specs);
    writeFile(cwd, "package.json", '{ "type": "module" }\n');
    const result = cloudlab(["synth", "--platform", "platform"], cwd);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'platform/services/shop/checkout.ts: checkout: resources.limits.cpu: "500mm" is not a quantity\n' +
        "synth: 1 error; nothing written\n",
    });
    expect(snapshotTree(join(cwd, "environments")).size).toBe(0);
  });

  it("loads a platform that is not inside a \"type\": \"module\" package", () => {
    // No package.json: Node treats the platform's .ts files as CommonJS, so the bin needs tsx's CommonJS loader too.
    const cwd = makeWorkspace();
    writeFile(cwd, "platform/tenants/shop.ts", 'const team: string = "shop";\n\nexport default { name: "shop", team };\n');
    const result = cloudlab(["synth", "--platform", "platform"], cwd);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("renders a TypeScript platform with type annotations", () => {
    const cwd = makeWorkspace();
    writeFile(cwd, "package.json", '{ "type": "module" }\n');
    writeFile(cwd, "platform/tenants/shop.ts", 'const team: string = "shop";\n\nexport default { name: "shop", team };\n');
    const result = cloudlab(["synth", "--platform", "platform"], cwd);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^synth: dev, prod-us-west-2: \d+ files \(\d+ written, 0 removed, 0 unchanged\) in environments\/$/m);
  });
});
