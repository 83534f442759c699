import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifiedBody } from "../../src/incremental/render-cache.ts";
import { run, snapshotTree } from "../helpers.ts";
import { binWorkspace, writePlatform } from "./fault-fixtures.ts";

// Render records (node_modules/.cache/cloudlab/) cut short or garbled — a synth killed while writing one, a disk
// error — are detected by their checksum and ignored: the environment is rendered in full, never from a bad record.

const A = { services: 3, team: "alpha", tag: "1.0.0" } as const;
const synth = ["synth", "--platform", "platform", "--out", "environments"];

function recordOf(cwd: string, environment: string): string {
  const root = join(cwd, "node_modules/.cache/cloudlab/synth");
  const [id] = readdirSync(root);
  return join(root, id!, `${environment}.json`);
}

/** The last line of a successful synth: it says "re-rendered" only when it trusted the records. */
async function summary(cwd: string): Promise<string> {
  const result = await run(cwd, synth);
  expect(result).toMatchObject({ code: 0, stderr: "" });
  return result.stdout.trimEnd().split("\n").at(-1)!;
}

describe("render records killed mid-write or garbled", () => {
  it("a record cut short, or garbled where it still parses as a record, is ignored: that environment renders in full", async () => {
    const cwd = binWorkspace();
    writePlatform(cwd, "platform", A);
    await summary(cwd);
    const reference = snapshotTree(join(cwd, "environments"));
    expect(await summary(cwd)).toContain("re-rendered dev 0/4, prod 0/4 units");

    const dev = recordOf(cwd, "dev");
    const sealed = readFileSync(dev, "utf8");
    expect(verifiedBody(sealed)).toBe(sealed.slice(65));
    // Cut short: the first half of the file.
    writeFileSync(dev, sealed.slice(0, sealed.length / 2));
    expect(await summary(cwd)).toContain("re-rendered prod 0/4 units");
    expect(snapshotTree(join(cwd, "environments"))).toEqual(reference);

    // Garbled: one file hash changed in the body, which still parses and has every field a record needs.
    const again = readFileSync(dev, "utf8");
    const body = again.slice(65);
    const record = JSON.parse(body) as { files: Record<string, string> };
    const path = Object.keys(record.files)[0]!;
    record.files[path] = createHash("sha1").update("something else").digest("hex");
    writeFileSync(dev, `${again.slice(0, 65)}${JSON.stringify(record)}`);
    expect(verifiedBody(readFileSync(dev, "utf8"))).toBeUndefined();
    expect(await summary(cwd)).toContain("re-rendered prod 0/4 units");
    expect(snapshotTree(join(cwd, "environments"))).toEqual(reference);

    // A record written whole again is trusted again; a record without a checksum line (the old format) is not.
    expect(await summary(cwd)).toContain("re-rendered dev 0/4, prod 0/4 units");
    writeFileSync(dev, readFileSync(dev, "utf8").slice(65));
    expect(await summary(cwd)).toContain("re-rendered prod 0/4 units");
  });

  it("a record's temporary file left by a killed synth is removed, never read", async () => {
    const cwd = binWorkspace();
    writePlatform(cwd, "platform", A);
    await summary(cwd);
    const dev = recordOf(cwd, "dev");
    writeFileSync(`${dev}.tmp-999999`, readFileSync(dev, "utf8").slice(0, 100));
    expect(await summary(cwd)).toContain("re-rendered dev 0/4, prod 0/4 units");
    expect(existsSync(`${dev}.tmp-999999`)).toBe(false);
  });
});
