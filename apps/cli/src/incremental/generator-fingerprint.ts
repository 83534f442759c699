import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { COMPILED } from "../compiled-code.ts";
import { listFiles } from "../list-files.ts";

/** The workspace folder that holds the generator's packages (compiled, this code is in apps/cli/dist/). */
const WORKSPACE = fileURLToPath(new URL(COMPILED ? "../../../" : "../../../../", import.meta.url));

/** The generator's own sources: what turns a platform into files and findings. */
const SOURCE_FOLDERS = ["packages/model/src", "packages/constructs/src", "packages/render/src", "packages/validate/src", "apps/cli/src"];

function sourceFiles(dir: string): string[] {
  return listFiles(dir, (name) => /\.(ts|mts|mjs|js|json)$/.test(name));
}

/**
 * A digest of the generator: its sources and the exact versions of its dependencies (the workspace's
 * `package-lock.json`). A render cache written by another generator is never used: a changed builder or rule must
 * not leave stale files behind.
 */
export function generatorFingerprint(workspace: string = WORKSPACE): string {
  // Compiled, the build's digest of everything it was built from (its sources, package-lock.json): the bin ran this
  // build only because that digest matched the files at start-up.
  if (COMPILED && workspace === WORKSPACE) return `build:${(JSON.parse(readFileSync(new URL("./build.json", import.meta.url), "utf8")) as { digest: string }).digest}`;
  const hash = createHash("sha1");
  for (const file of [...SOURCE_FOLDERS.flatMap((folder) => sourceFiles(join(workspace, folder))), join(workspace, "package-lock.json")]) {
    hash.update(file.slice(workspace.length)).update("\0");
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update("(missing)");
    }
    hash.update("\0");
  }
  return hash.digest("hex");
}
