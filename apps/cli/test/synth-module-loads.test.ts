import { existsSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript without declarations: the bin's own module.
import { freshBuild } from "../bin/build-state.js";
import { entryName } from "../src/compile-cache.ts";
import { binWorkspace, runBin, writePlatform } from "./faults/fault-fixtures.ts";

// What the compiled CLI loads for a synth, from Node's own module trace (NODE_DEBUG=module,esm names every module file
// it loads): a synth with nothing changed loads neither the renderer (cdk8s, the kubernetes-models classes the
// constructs build) nor tsx; one after an image tag loads the renderer, since a unit must be rebuilt. From sources the
// packages are loaded through their barrels, so this holds for the compiled CLI only: `npm ci` builds it (CI tests it).

const COMPILED = freshBuild() !== undefined;
const synth = ["synth", "--platform", "platform", "--out", "environments"];

/** Each chunk of the compiled CLI (`chunk-….js`) and the files bundled into it (dist/meta.json). */
function bundledInputs(): Map<string, string[]> {
  const meta = JSON.parse(readFileSync(new URL("../dist/meta.json", import.meta.url), "utf8")) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  return new Map(Object.entries(meta.outputs).map(([output, { inputs }]) => [output.slice(output.lastIndexOf("/") + 1), Object.keys(inputs)]));
}

/**
 * The packages from node_modules whose files a run loaded (from its module trace on stderr), sorted: those loaded from
 * node_modules, and those bundled into the chunks it loaded (cdk8s, constructs, yaml).
 */
function loadedPackages(trace: string): string[] {
  const chunks = bundledInputs();
  const paths = [...trace.matchAll(/apps\/cli\/dist\/([\w-]+\.js)/g)].flatMap((match) => chunks.get(match[1]!) ?? []);
  const names = new Set<string>();
  for (const text of [trace, ...paths]) {
    for (const match of text.matchAll(/node_modules\/((?:@[^/\s"']+\/)?[^/\s"']+)\//g)) names.add(match[1]!);
  }
  return [...names].sort();
}

async function tracedSynth(cwd: string, env: Record<string, string> = {}): Promise<{ stdout: string; packages: string[] }> {
  const result = await runBin(cwd, synth, { env: { NODE_DEBUG: "module,esm", ...env } });
  expect(result.code).toBe(0);
  return { stdout: result.stdout, packages: loadedPackages(result.stderr) };
}

describe.skipIf(!COMPILED)("what the compiled CLI loads for a synth", () => {
  it("with nothing changed: not the renderer (cdk8s, kubernetes-models), not the gate's validators, not tsx; after an image tag: the renderer", async () => {
    const cwd = binWorkspace();
    writePlatform(cwd, "platform", { services: 2, team: "alpha", tag: "1.0.0" });
    const validator = fileURLToPath(new URL("../dist/kubernetes-models-validators/istio/networking.istio.io.v1beta1.DestinationRule.cjs", import.meta.url));
    const entry = fileURLToPath(new URL(`../../../node_modules/.cache/cloudlab/v8/${entryName(validator, readFileSync(validator, "utf8"))}`, import.meta.url));
    rmSync(entry, { force: true });
    // The renderer's own chunk (CommonJS, scripts/build.mjs) goes through the same cache.
    const rendererChunk = [...bundledInputs()].find(([, inputs]) => inputs.includes("packages/render/src/render-environment.ts"))![0];
    const rendererFile = fileURLToPath(new URL(`../dist/${rendererChunk}`, import.meta.url));
    const rendererEntry = fileURLToPath(new URL(`../../../node_modules/.cache/cloudlab/v8/${entryName(rendererFile, readFileSync(rendererFile, "utf8"))}`, import.meta.url));
    rmSync(rendererEntry, { force: true });

    // The first synth renders everything: the trace does show the renderer (so the checks below can fail).
    // (without the code cache: CLOUDLAB_COMPILE_CACHE=0)
    const first = await tracedSynth(cwd, { CLOUDLAB_COMPILE_CACHE: "0" });
    expect(first.packages).toEqual(expect.arrayContaining(["cdk8s", "kubernetes-models", "constructs"]));
    expect([existsSync(entry), existsSync(rendererEntry)]).toEqual([false, false]);

    const unchanged = await tracedSynth(cwd);
    expect(unchanged.stdout).toMatch(/re-rendered dev 0\/3, prod 0\/3 units\n$/);
    for (const name of unchanged.packages) expect(name).not.toMatch(/^(cdk8s|constructs|kubernetes-models|@kubernetes-models\/.*|ajv.*|yaml|tsx|esbuild)$/);

    writePlatform(cwd, "platform", { services: 2, team: "alpha", tag: "1.0.1" });
    const tagged = await tracedSynth(cwd);
    expect(tagged.stdout).toMatch(/re-rendered dev 2\/3, prod 2\/3 units\n$/);
    expect(tagged.packages).toEqual(expect.arrayContaining(["cdk8s", "constructs", "kubernetes-models"]));
    // The render's precompiled Istio validators are compiled with V8's code cache (src/compile-cache.ts): this synth
    // left the entry of the DestinationRule's, named by its content, in the repository's cache.
    expect(existsSync(entry)).toBe(true);
    expect(existsSync(rendererEntry)).toBe(true);
  }, 120_000);
});
