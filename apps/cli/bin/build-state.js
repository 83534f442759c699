// The compiled CLI (apps/cli/dist/, built by scripts/build.mjs) and how the bin knows it is up to date: the build
// records the digest of the contents of every file it was built from (the workspace sources esbuild bundled, the JSON
// they import, package-lock.json for the external packages and ajv's code generator, the build script and this file);
// the bin computes the same digest from the files as they are now. Contents only, never modification times.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** The compiled CLI's folder. */
export const DIST = new URL("../dist/", import.meta.url);
/** The build's record: `{ format, digest, inputs, packages }`. */
export const BUILD_RECORD = new URL("build.json", DIST);
/** The record's format; a record of another format is never trusted. */
export const BUILD_FORMAT = 1;

/** SHA-256 over each input's repository-relative path and contents, in the order given (undefined when one is missing). */
export function inputsDigest(inputs, root = ROOT) {
  const hash = createHash("sha256");
  for (const input of inputs) {
    let content;
    try {
      content = readFileSync(`${root}/${input}`);
    } catch {
      return undefined;
    }
    hash.update(input).update("\0").update(content).update("\0");
  }
  return hash.digest("hex");
}

/** The build record when the compiled CLI is there and was built from exactly the files as they are now. */
export function freshBuild(recordFile = BUILD_RECORD, root = ROOT) {
  let record;
  try {
    record = JSON.parse(readFileSync(recordFile, "utf8"));
  } catch {
    return undefined;
  }
  if (record.format !== BUILD_FORMAT || !Array.isArray(record.inputs)) return undefined;
  return inputsDigest(record.inputs, root) === record.digest ? record : undefined;
}
