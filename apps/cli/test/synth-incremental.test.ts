import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, makeWorkspace, referenceRender, run, samplePlatformSpecs, snapshotTree, specSource, type RunResult } from "./helpers.ts";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const BIN = join(REPO_ROOT, "apps/cli/bin/cloudlab.js");
const SYNTH = ["synth", "--platform", "platform", "--out", "environments"] as const;

type Specs = Record<string, any>;

let reference: Map<string, Buffer>;

beforeAll(async () => {
  reference = await referenceRender();
});

/** The last line of a successful synth. */
function summaryOf(result: RunResult): string {
  expect(result).toMatchObject({ code: 0, stderr: "" });
  return result.stdout.trimEnd().split("\n").at(-1)!;
}

/** The render records of a workspace's synth into environments/. */
function recordFiles(cwd: string): string[] {
  const root = join(cwd, "node_modules/.cache/cloudlab/synth");
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((id) => readdirSync(join(root, id)).map((file) => join(root, id, file)));
}

describe("cloudlab synth, incremental (render records)", () => {
  it("keeps a record per environment, and re-renders nothing on an unchanged second run", async () => {
    const cwd = makeWorkspace();
    expect(summaryOf(await run(cwd, SYNTH))).not.toContain("re-rendered");
    expect(recordFiles(cwd).map((f) => f.split("/").at(-1))).toEqual(["dev.json", "prod-us-west-2.json"]);
    const files = reference.size;
    expect(summaryOf(await run(cwd, SYNTH))).toBe(
      `synth: dev, prod-us-west-2: ${files} files (0 written, 0 removed, ${files} unchanged) in environments/; re-rendered dev 0/3, prod-us-west-2 0/3 units`,
    );
    expect(snapshotTree(join(cwd, "environments"))).toEqual(reference);
  });

  it("does not trust a record once a file was edited, added or deleted by hand: that environment is rendered in full and restored", async () => {
    const cwd = makeWorkspace();
    await run(cwd, SYNTH);
    const out = join(cwd, "environments");
    appendFileSync(join(out, "dev/shop/web/deployment-web.yaml"), "# edited by hand\n");
    writeFileSync(join(out, "prod-us-west-2/shop/web/stray.yaml"), "kind: Stray\n");
    rmSync(join(out, "prod-us-west-2/shop/checkout/service-checkout.yaml"));
    const summary = summaryOf(await run(cwd, SYNTH));
    expect(summary).toContain("(2 written, 1 removed,");
    expect(summary).not.toContain("re-rendered");
    expect(snapshotTree(out)).toEqual(reference);
    // Trusted again after that write.
    expect(summaryOf(await run(cwd, SYNTH))).toContain("re-rendered dev 0/3, prod-us-west-2 0/3 units");
  });

  it("renders in full when a record is unreadable, and --no-cache neither reads nor writes records", async () => {
    const cwd = makeWorkspace();
    await run(cwd, SYNTH);
    for (const file of recordFiles(cwd)) writeFileSync(file, "{ not json");
    expect(summaryOf(await run(cwd, SYNTH))).not.toContain("re-rendered");
    const plain = makeWorkspace();
    expect(summaryOf(await run(plain, [...SYNTH, "--no-cache"]))).not.toContain("re-rendered");
    expect(recordFiles(plain)).toEqual([]);
    expect(snapshotTree(join(plain, "environments"))).toEqual(reference);
  });

  it("keeps no records for an output folder outside the working directory (a one-off render, as diff's base)", async () => {
    const cwd = makeWorkspace();
    const elsewhere = makeTempDir();
    expect(summaryOf(await run(cwd, ["synth", "--platform", "platform", "--out", elsewhere]))).not.toContain("re-rendered");
    expect(summaryOf(await run(cwd, ["synth", "--platform", "platform", "--out", elsewhere]))).not.toContain("re-rendered");
    expect(recordFiles(cwd)).toEqual([]);
    expect(snapshotTree(elsewhere)).toEqual(reference);
  });

  it("--check never uses the records: a record that lies about the files does not hide a difference", async () => {
    const cwd = makeWorkspace();
    await run(cwd, SYNTH);
    const dev = recordFiles(cwd).find((f) => f.endsWith("dev.json"))!;
    // A record file is its body's SHA-256 on one line, then the body.
    const record = JSON.parse(readFileSync(dev, "utf8").slice(65));
    // Claim the edited file's bytes are the rendered ones (size and time kept in step with the edit).
    const out = join(cwd, "environments");
    writeFileSync(join(out, "dev/shop/web/deployment-web.yaml"), "edited: by hand\n");
    const body = JSON.stringify(record);
    writeFileSync(dev, `${createHash("sha256").update(body).digest("hex")}\n${body}`);
    const check = await run(cwd, [...SYNTH, "--check"]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("differs: environments/dev/shop/web/deployment-web.yaml");
  });

  it("the real bin, after an image tag change: rebuilds only that service's unit and writes the same files as a fresh render", async () => {
    const cwd = makeWorkspace();
    writeFileSync(join(cwd, "package.json"), '{ "type": "module" }\n');
    const cloudlab = () => spawnSync(process.execPath, [BIN, ...SYNTH], { cwd, encoding: "utf8", timeout: 120_000 });
    expect(cloudlab().status).toBe(0);
    const specs = samplePlatformSpecs() as Specs;
    specs["platform/services/shop/checkout.ts"].image.tag = "1.0.1";
    writeFileSync(join(cwd, "platform/services/shop/checkout.ts"), specSource(specs["platform/services/shop/checkout.ts"]));
    const second = cloudlab();
    expect(second.stderr).toBe("");
    expect(second.stdout.trimEnd().split("\n").at(-1)).toBe(
      `synth: dev, prod-us-west-2: ${reference.size} files (2 written, 0 removed, ${reference.size - 2} unchanged) in environments/; re-rendered dev 1/3, prod-us-west-2 1/3 units`,
    );
    expect(snapshotTree(join(cwd, "environments"))).toEqual(await referenceRender(specs));
  });
});
