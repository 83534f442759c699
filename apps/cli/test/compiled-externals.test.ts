import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript without declarations: the bin's own module.
import { freshBuild } from "../bin/build-state.js";

// The compiled CLI leaves packages from node_modules external but cdk8s, constructs and yaml, which it bundles
// (scripts/build.mjs BUNDLED_PACKAGES): `dist/*.js` imports the others by name, so Node resolves them
// from apps/cli/dist/, not from the package whose source imported them. When npm installs two versions of a package
// (one hoisted for another dependency, one nested under the workspace package that pins it), the compiled CLI would run
// a different version than the sources (`yaml` 2.9.0 hoisted for nx against the 2.9.1 the packages pin, before
// apps/cli declared it). This holds the two to the same version.

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const DIST = join(ROOT, "apps/cli/dist");
const COMPILED = freshBuild() !== undefined && existsSync(join(DIST, "meta.json"));

interface Metafile {
  readonly inputs: Record<string, { readonly imports: readonly { readonly path: string; readonly external?: boolean; readonly original?: string }[] }>;
}

/** The installed package folder (its package.json's path) a bare specifier resolves to from `fromDir`. */
function packageJsonFrom(fromDir: string, specifier: string): string | undefined {
  const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
  if (name.startsWith("node:")) return undefined;
  const require = createRequire(join(fromDir, "noop.js"));
  try {
    return require.resolve(`${name}/package.json`);
  } catch {
    // a package whose exports hide package.json: walk node_modules folders as Node does
    for (let dir = fromDir; ; dir = dirname(dir)) {
      const candidate = join(dir, "node_modules", name, "package.json");
      if (existsSync(candidate)) return candidate;
      if (dirname(dir) === dir) return undefined;
    }
  }
}

/** The version a package.json states. */
function versionOf(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }).version;
}

describe.skipIf(!COMPILED)("the compiled CLI's external packages (skipped when dist/ is stale: npm run build)", () => {
  it("resolve from apps/cli/dist/ to the version each bundled source file resolves them to", () => {
    const meta = JSON.parse(readFileSync(join(DIST, "meta.json"), "utf8")) as Metafile;
    const mismatches: string[] = [];
    let checked = 0;
    for (const [input, { imports }] of Object.entries(meta.inputs)) {
      if (/^[a-z-]+:/.test(input) || input.includes("node_modules/")) continue;
      for (const { path, external } of imports) {
        if (external !== true || path.startsWith("node:") || path.startsWith(".") || path.startsWith("/")) continue;
        const fromSource = packageJsonFrom(dirname(join(ROOT, input)), path);
        const fromDist = packageJsonFrom(DIST, path);
        if (fromSource === undefined) continue;
        checked += 1;
        const [sourceVersion, distVersion] = [fromSource, fromDist].map((file) => (file === undefined ? undefined : versionOf(file)));
        if (sourceVersion !== distVersion) {
          mismatches.push(`${input} imports ${path}: ${sourceVersion} (${fromSource.slice(ROOT.length)}) from the sources, ${distVersion} (${fromDist?.slice(ROOT.length)}) from dist/`);
        }
      }
    }
    // ajv, the kubernetes-models packages, esbuild, tsx
    expect(checked).toBeGreaterThan(3);
    expect([...new Set(mismatches)]).toEqual([]);
  });

  it("the packages bundled into dist/ (cdk8s, constructs, yaml) are the versions the sources resolve, one copy of each", () => {
    const meta = JSON.parse(readFileSync(join(DIST, "meta.json"), "utf8")) as Metafile;
    const mismatches: string[] = [];
    const bundled = new Set<string>();
    // Every import of a bundled package, the sources' and the bundled packages' own (cdk8s's yaml).
    for (const [input, { imports }] of Object.entries(meta.inputs)) {
      if (/^[a-z-]+:/.test(input)) continue;
      for (const { path, external, original } of imports) {
        if (external === true || original === undefined || /^[./]/.test(original) || original.startsWith("@cloudlab/") || !path.includes("node_modules/")) continue;
        const fromSource = packageJsonFrom(dirname(join(ROOT, input)), original);
        const packageFolder = path.slice(0, path.lastIndexOf("node_modules/") + "node_modules/".length) + (original.startsWith("@") ? original.split("/").slice(0, 2).join("/") : original.split("/")[0]!);
        bundled.add(packageFolder);
        // The copy bundled may be another folder (oneCopyOfBundledPackages), never another version.
        const [sourceVersion, bundledVersion] = [fromSource, join(ROOT, packageFolder, "package.json")].map((file) => (file === undefined ? undefined : versionOf(file)));
        if (sourceVersion !== bundledVersion) mismatches.push(`${input} imports ${original}: ${sourceVersion} (${fromSource?.slice(ROOT.length)}) from the sources, ${bundledVersion} (${packageFolder}) bundled`);
      }
    }
    const names = [...bundled].map((folder) => folder.slice(folder.lastIndexOf("node_modules/") + "node_modules/".length)).sort();
    expect(names).toEqual(expect.arrayContaining(["cdk8s", "constructs", "yaml"]));
    // npm installs yaml 2.9.1 in several folders (and cdk8s ships its own): one of them is bundled.
    expect(names.filter((name) => name === "yaml")).toEqual(["yaml"]);
    expect(mismatches).toEqual([]);
  });
});
