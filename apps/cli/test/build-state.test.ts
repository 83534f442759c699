import { readFileSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript without declarations: the bin's own module.
import { BUILD_FORMAT, buildDigest, fileStat, fileSystemClock, freshBuild, STAT_RECORD, trustworthy, verifyInputs } from "../bin/build-state.js";
import { makeTempDir, writeFile } from "./helpers.ts";

interface FileStat {
  readonly dev: bigint;
  readonly ino: bigint;
  readonly size: bigint;
  readonly mtimeNs: bigint;
  readonly ctimeNs: bigint;
}
type Options = { stat?: (file: string) => FileStat | undefined; read?: (file: string) => Buffer };
type Fresh = (recordFile: string, root: string, options?: Options) => { inputs: Record<string, string> } | undefined;
const isFresh = freshBuild as Fresh;

const A = "export const a = 1;\n";

/** The content hashes of `inputs` under `root`, as the build records them (undefined when one is missing). */
function inputHashes(inputs: readonly string[], root: string): Record<string, string> | undefined {
  return (verifyInputs as (inputs: readonly string[], since: bigint | undefined, root: string) => { hashes: Record<string, string> } | undefined)(inputs, undefined, root)?.hashes;
}

/** A workspace with two inputs and a build record made from them, as the build writes it. */
function builtWorkspace() {
  const root = makeTempDir();
  writeFile(root, "src/a.ts", A);
  writeFile(root, "src/b.json", '{ "b": 2 }\n');
  const recordFile = join(root, "dist/build.json");
  const hashes = inputHashes(["src/a.ts", "src/b.json"], root);
  writeFile(root, "dist/build.json", JSON.stringify({ format: BUILD_FORMAT, digest: buildDigest(hashes), inputs: hashes, packages: {} }));
  /** Files read by the check, counted. */
  const reads: string[] = [];
  const read = (file: string) => {
    reads.push(file.slice(root.length + 1));
    return readFileSync(file);
  };
  return { root, recordFile, reads, read };
}

/**
 * Waits until the file system's clock has moved past the last change of `paths`: stat data taken in the tick of a change
 * are never trusted (the racy case), so a test that expects trust waits for the next tick.
 */
async function clockPastChanges(root: string, paths: readonly string[]) {
  const changes = paths.map((path) => statSync(join(root, path), { bigint: true }).ctimeNs);
  const latest = changes.reduce((max, change) => (change > max ? change : max));
  for (;;) {
    writeFile(root, "clock-probe", "");
    if (statSync(join(root, "clock-probe"), { bigint: true }).mtimeNs > latest) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Gives `path` new contents of the same size, with the modification time it had (what a careless tool could leave). */
function rewriteKeepingTimes(root: string, path: string, content: string) {
  const file = join(root, path);
  const { atime, mtime, size } = statSync(file);
  expect(Buffer.byteLength(content)).toBe(size);
  writeFile(root, path, content);
  utimesSync(file, atime, mtime);
}

describe("the compiled CLI's freshness (bin/build-state.js)", () => {
  it("is fresh while every input has the contents it was built from; it reads them only when their stat data are new", async () => {
    const { root, recordFile, reads, read } = builtWorkspace();
    await clockPastChanges(root, ["src/a.ts", "src/b.json"]);
    expect(Object.keys(isFresh(recordFile, root, { read })?.inputs ?? {})).toEqual(["src/a.ts", "src/b.json"]);
    expect(reads.splice(0)).toEqual(["src/a.ts", "src/b.json"]);
    expect(isFresh(recordFile, root, { read })).toBeDefined();
    expect(reads).toEqual([]);
  });

  it("reads a touched input again, finds the same contents, and trusts its new stat data afterwards", async () => {
    const { root, recordFile, reads, read } = builtWorkspace();
    await clockPastChanges(root, ["src/a.ts", "src/b.json"]);
    expect(isFresh(recordFile, root, { read })).toBeDefined();
    reads.splice(0);
    utimesSync(join(root, "src/a.ts"), new Date(2001, 1, 1), new Date(2001, 1, 1));
    await clockPastChanges(root, ["src/a.ts"]);
    expect(isFresh(recordFile, root, { read })).toBeDefined();
    expect(reads.splice(0)).toEqual(["src/a.ts"]);
    expect(isFresh(recordFile, root, { read })).toBeDefined();
    expect(reads).toEqual([]);
  });

  it("is stale when an input's contents change, even with the same size and modification time (the change time moves)", () => {
    const { root, recordFile } = builtWorkspace();
    expect(isFresh(recordFile, root)).toBeDefined();
    rewriteKeepingTimes(root, "src/a.ts", "export const a = 2;\n");
    expect(isFresh(recordFile, root)).toBeUndefined();
    // and stays stale: a failed check records nothing
    expect(isFresh(recordFile, root)).toBeUndefined();
  });

  it("is stale when an input is replaced by a rename (an editor's safe save) with other contents of the same size and time", () => {
    const { root, recordFile } = builtWorkspace();
    expect(isFresh(recordFile, root)).toBeDefined();
    const { atime, mtime } = statSync(join(root, "src/a.ts"));
    writeFile(root, "src/a.ts.swp", "export const a = 3;\n");
    utimesSync(join(root, "src/a.ts.swp"), atime, mtime);
    renameSync(join(root, "src/a.ts.swp"), join(root, "src/a.ts"));
    expect(isFresh(recordFile, root)).toBeUndefined();
    // the same contents saved the same way are still the build's
    writeFile(root, "src/a.ts.swp", A);
    renameSync(join(root, "src/a.ts.swp"), join(root, "src/a.ts"));
    expect(isFresh(recordFile, root)).toBeDefined();
  });

  it("never trusts stat data taken in the tick of the input's last change: an edit in that same tick is found (racy case)", () => {
    const { root, recordFile, reads, read } = builtWorkspace();
    // A file system whose clock does not move during the test (as one with 1-second or 2-second timestamps does within
    // its tick): every file's times, and the verification's start, are the same instant.
    const frozenClock = (file: string): FileStat | undefined => {
      const stat = (fileStat as (file: string) => FileStat | undefined)(file);
      return stat === undefined ? undefined : { ...stat, mtimeNs: 1_000_000_000n, ctimeNs: 1_000_000_000n };
    };
    expect(isFresh(recordFile, root, { stat: frozenClock, read })).toBeDefined();
    // Same inode, same size, same times: only the contents tell the edit apart, and they are read again.
    writeFile(root, "src/a.ts", "export const a = 4;\n");
    reads.splice(0);
    expect(isFresh(recordFile, root, { stat: frozenClock, read })).toBeUndefined();
    expect(reads).toEqual(["src/a.ts"]);
  });

  it("trusts stat data only when the last change is strictly older than the verification's start", () => {
    const at = (mtimeNs: bigint, ctimeNs: bigint) => ({ dev: 1n, ino: 1n, size: 1n, mtimeNs, ctimeNs });
    expect(trustworthy(at(99n, 99n), 100n)).toBe(true);
    expect(trustworthy(at(100n, 99n), 100n)).toBe(false);
    expect(trustworthy(at(99n, 100n), 100n)).toBe(false);
    expect(trustworthy(at(99n, 101n), 100n)).toBe(false);
  });

  it("is stale when an input is deleted, and absent without a record or with another record format", () => {
    const { root, recordFile } = builtWorkspace();
    expect(isFresh(recordFile, root)).toBeDefined();
    const record = JSON.parse(readFileSync(recordFile, "utf8"));
    writeFile(root, "dist/build.json", JSON.stringify({ ...record, format: BUILD_FORMAT + 1 }));
    expect(isFresh(recordFile, root)).toBeUndefined();
    writeFile(root, "dist/build.json", JSON.stringify(record));
    rmSync(join(root, "src/b.json"));
    expect(inputHashes(Object.keys(record.inputs), root)).toBeUndefined();
    expect(isFresh(recordFile, root)).toBeUndefined();
    expect(isFresh(join(root, "dist/none.json"), root)).toBeUndefined();
  });

  it("uses stat data verified for another build's record never: a rebuild from other contents is checked by contents", () => {
    const { root, recordFile } = builtWorkspace();
    expect(isFresh(recordFile, root)).toBeDefined();
    // The build record now says a.ts had other contents (e.g. built in another checkout): the stat data of a.ts,
    // verified against the old record, prove nothing about the new one.
    const hashes = { ...inputHashes(["src/a.ts", "src/b.json"], root), "src/a.ts": "0".repeat(64) };
    writeFile(root, "dist/build.json", JSON.stringify({ format: BUILD_FORMAT, digest: buildDigest(hashes), inputs: hashes, packages: {} }));
    expect(isFresh(recordFile, root)).toBeUndefined();
  });

  it("checks contents every time when the stat record cannot be written (a read-only tree)", () => {
    const { root, recordFile, reads, read } = builtWorkspace();
    writeFile(root, "node_modules", "a file where the cache folder would be\n");
    expect(isFresh(recordFile, root, { read })).toBeDefined();
    expect(isFresh(recordFile, root, { read })).toBeDefined();
    expect(reads).toEqual(["src/a.ts", "src/b.json", "src/a.ts", "src/b.json"]);
    expect(() => statSync(join(root, STAT_RECORD))).toThrow();
  });

  it("the build vouches only for inputs not changed since it started: one written meanwhile is listed as changed", async () => {
    const { root } = builtWorkspace();
    type Verify = (inputs: readonly string[], since: bigint | undefined, root: string) => { changed: string[]; stats: Record<string, string> } | undefined;
    const verify = verifyInputs as Verify;
    const clock = fileSystemClock as (file: string) => bigint | undefined;
    await clockPastChanges(root, ["src/a.ts", "src/b.json"]);
    const since = clock(join(root, "dist/build-started"));
    expect(since).toBeTypeOf("bigint");
    expect(verify(["src/a.ts", "src/b.json"], since, root)?.changed).toEqual([]);
    writeFile(root, "src/b.json", '{ "b": 3 }\n');
    expect(verify(["src/a.ts", "src/b.json"], since, root)?.changed).toEqual(["src/b.json"]);
    // without a clock (the marker could not be written) the build vouches for nothing
    expect(verify(["src/a.ts", "src/b.json"], undefined, root)?.changed).toEqual(["src/a.ts", "src/b.json"]);
    rmSync(join(root, "src/a.ts"));
    expect(verify(["src/a.ts", "src/b.json"], since, root)).toBeUndefined();
  });

  it("digests paths and content hashes in order: renaming an input or reordering changes the digest", () => {
    const { root } = builtWorkspace();
    const digest = buildDigest(inputHashes(["src/a.ts", "src/b.json"], root));
    expect(buildDigest(inputHashes(["src/b.json", "src/a.ts"], root))).not.toBe(digest);
    writeFile(root, "src/c.ts", A);
    expect(buildDigest(inputHashes(["src/c.ts", "src/b.json"], root))).not.toBe(digest);
    expect(buildDigest(inputHashes(["src/a.ts", "src/b.json"], root))).toBe(digest);
  });
});

// The tests of the compiled CLI (module-load traces, the bin's runs) skip when dist/ is stale, so that a developer
// between an edit and `npm run build` is not blocked; in CI `npm ci` has just built it, and a stale or missing build
// there is a broken build (say, an input that is not a file), never a reason to skip them.
describe("the compiled CLI in CI", () => {
  it.runIf(process.env.CI === "true")("npm ci built it from the sources as they are (a build record whose every input is a file, matching)", () => {
    const record = (freshBuild as () => { inputs: Record<string, string> } | undefined)();
    expect(record, "apps/cli/dist/ is missing or stale after npm ci: run npm run build and read its output").toBeDefined();
    expect(Object.keys(record!.inputs).filter((input) => /^[a-z-]+:/.test(input))).toEqual([]);
  });
});
