import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { listFiles } from "../list-files.ts";

/** The workspace folder that holds the generator's packages. */
const WORKSPACE = fileURLToPath(new URL("../../../../", import.meta.url));

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
