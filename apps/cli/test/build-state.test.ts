import { readFileSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript without declarations: the bin's own module.
import { BUILD_FORMAT, freshBuild, inputsDigest } from "../bin/build-state.js";
import { makeTempDir, writeFile } from "./helpers.ts";

/** A workspace with two inputs and a build record made from them, as the build writes it. */
function builtWorkspace() {
  const root = makeTempDir();
  writeFile(root, "src/a.ts", "export const a = 1;\n");
  writeFile(root, "src/b.json", '{ "b": 2 }\n');
  const inputs = ["src/a.ts", "src/b.json"];
  const recordFile = join(root, "dist/build.json");
  writeFile(root, "dist/build.json", JSON.stringify({ format: BUILD_FORMAT, digest: inputsDigest(inputs, root), inputs, packages: {} }));
  return { root, recordFile };
}

describe("the compiled CLI's freshness (bin/build-state.js)", () => {
  it("is fresh while every input has the contents it was built from, whatever the files' times", () => {
    const { root, recordFile } = builtWorkspace();
    expect(freshBuild(recordFile, root)?.inputs).toEqual(["src/a.ts", "src/b.json"]);
    utimesSync(join(root, "src/a.ts"), new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(freshBuild(recordFile, root)).toBeDefined();
  });

  it("is stale when an input's contents change, even with the same size and time", () => {
    const { root, recordFile } = builtWorkspace();
    const file = join(root, "src/a.ts");
    const { atime, mtime } = statSync(file);
    writeFile(root, "src/a.ts", "export const a = 2;\n");
    utimesSync(file, atime, mtime);
    expect(freshBuild(recordFile, root)).toBeUndefined();
  });

  it("is stale when an input is gone, and absent without a record or with another record format", () => {
    const { root, recordFile } = builtWorkspace();
    const record = JSON.parse(readFileSync(recordFile, "utf8"));
    writeFile(root, "dist/build.json", JSON.stringify({ ...record, format: BUILD_FORMAT + 1 }));
    expect(freshBuild(recordFile, root)).toBeUndefined();
    writeFile(root, "dist/build.json", JSON.stringify(record));
    rmSync(join(root, "src/b.json"));
    expect(inputsDigest(record.inputs, root)).toBeUndefined();
    expect(freshBuild(recordFile, root)).toBeUndefined();
    expect(freshBuild(join(root, "dist/none.json"), root)).toBeUndefined();
  });

  it("digests paths and contents in order: renaming an input or reordering changes the digest", () => {
    const { root } = builtWorkspace();
    const digest = inputsDigest(["src/a.ts", "src/b.json"], root);
    expect(inputsDigest(["src/b.json", "src/a.ts"], root)).not.toBe(digest);
    writeFile(root, "src/c.ts", "export const a = 1;\n");
    expect(inputsDigest(["src/c.ts", "src/b.json"], root)).not.toBe(digest);
    expect(inputsDigest(["src/a.ts", "src/b.json"], root)).toBe(digest);
  });
});
