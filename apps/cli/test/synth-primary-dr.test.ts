import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeWorkspace, nextWorkspace, run, samplePlatformSpecs, snapshotTree, writeFile } from "./helpers.ts";

const SYNTH = ["synth", "--platform", "platform", "--out", "environments"] as const;
const BIN = join(resolve(dirname(fileURLToPath(import.meta.url)), "../../.."), "apps/cli/bin/cloudlab.js");
const ONE = `exactly one cluster of a stage is "primary", the others "dr" (active-active is not supported: docs/multi-cluster.md)`;

/** The test platform with a second prod cluster, in us-east-1, of the given role. */
function withSecondProdCluster(role: "primary" | "dr"): Record<string, unknown> {
  return {
    ...samplePlatformSpecs(),
    "platform/environments/prod-us-east-1.ts": {
      name: "prod-us-east-1",
      stage: "prod",
      cluster: { name: "prod-us-east-1", provider: "eks", region: "us-east-1", role },
    },
  };
}

/** What `synth` prints for two prod primaries: one error in each environment file, naming the other. */
const TWO_PRIMARIES =
  `platform/environments/prod-us-east-1.ts: prod-us-east-1: cluster.role: stage prod has 2 primaries: this one and prod-us-west-2 (platform/environments/prod-us-west-2.ts); ${ONE}\n` +
  `platform/environments/prod-us-west-2.ts: prod-us-west-2: cluster.role: stage prod has 2 primaries: this one and prod-us-east-1 (platform/environments/prod-us-east-1.ts); ${ONE}\n` +
  "synth: 2 errors; nothing written\n";

/** Every file under `root` with its bytes and mtime. */
function state(root: string): Map<string, [Buffer, number]> {
  return new Map([...snapshotTree(root)].map(([path, bytes]) => [path, [bytes, statSync(join(root, path)).mtimeMs]]));
}

describe("cloudlab synth on a prod stage with two primaries", () => {
  it("exits 1 naming both environment files, and leaves the previous render (a primary + DR pair) exactly as it was", async () => {
    const rendered = makeWorkspace(withSecondProdCluster("dr"));
    expect((await run(rendered, SYNTH)).code).toBe(0);
    const cwd = nextWorkspace(rendered, withSecondProdCluster("primary"));
    const out = join(cwd, "environments");
    const before = state(out);
    expect(before.size).toBeGreaterThan(0);
    const result = await run(cwd, SYNTH);
    expect(result).toEqual({ code: 1, stdout: "", stderr: TWO_PRIMARIES });
    expect(state(out)).toEqual(before);
  });

  it("the real bin: exit 1, the same lines, and no output folder at all", () => {
    const cwd = makeWorkspace(withSecondProdCluster("primary"));
    writeFile(cwd, "package.json", '{ "type": "module" }\n');
    const result = spawnSync(process.execPath, [BIN, ...SYNTH], { cwd, encoding: "utf8", timeout: 120_000 });
    expect({ code: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({ code: 1, stdout: "", stderr: TWO_PRIMARIES });
    expect(existsSync(join(cwd, "environments"))).toBe(false);
  });
});
