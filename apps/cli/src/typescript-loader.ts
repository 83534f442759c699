import { readFileSync } from "node:fs";
import nodeModule, { register } from "node:module";
import { COMPILED } from "./compiled-code.ts";

/**
 * A module resolution hook (it runs in Node's hooks thread) that answers `@cloudlab/<name>` with the compiled entry the
 * build made for it: a platform file's `import { defineService } from "@cloudlab/model"` then shares the code the CLI
 * has loaded already instead of loading that package's TypeScript sources through tsx.
 */
const COMPILED_PACKAGES_HOOK = `
let entries = {};
export function initialize(data) { entries = data; }
export async function resolve(specifier, context, next) {
  const url = entries[specifier];
  return url === undefined ? next(specifier, context) : { url, format: "module", shortCircuit: true };
}`;

let registered = false;

/** What the compiled CLI's `build.json` says: the digest of everything it was built from, and its package entries. */
export interface CompiledBuild {
  readonly digest: string;
  /** The URL of the compiled entry of each workspace package the build made one for, by package name. */
  readonly packages: Record<string, string>;
}

/** The compiled CLI's build record (only meaningful when `COMPILED`). */
export function compiledBuild(): CompiledBuild {
  const record = JSON.parse(readFileSync(new URL("./build.json", import.meta.url), "utf8")) as { digest: string; packages?: Record<string, string> };
  return { digest: record.digest, packages: Object.fromEntries(Object.entries(record.packages ?? {}).map(([name, file]) => [name, new URL(`./${file}`, import.meta.url).href])) };
}

/** What this Node offers: `process.features.typescript` ("strip") and `module.registerHooks` (in-thread hooks). */
interface NodeTypeScriptSupport {
  readonly features: { readonly typescript?: string };
  readonly registerHooks?: (hooks: { resolve: (specifier: string, context: unknown, next: (specifier: string, context: unknown) => unknown) => unknown }) => unknown;
}

/**
 * Makes `import()` of the platform's TypeScript files work. From sources a loader is there already (the bin registered
 * tsx; vitest transforms TypeScript itself). Compiled, the specs normally load from their compiled module
 * (`spec-bundle.ts`) and this is not called; when they cannot, the first time a platform is loaded: on a Node that strips types
 * itself and has in-thread hooks (22.18+, 23.6+, 24+), only the hook that points `@cloudlab/*` at the compiled entries;
 * otherwise tsx's loaders (ESM and CommonJS: a platform file may sit in either kind of package) and that hook. A command
 * that loads no platform never pays for either.
 */
export async function ensureTypeScriptLoader(): Promise<void> {
  if (!COMPILED || registered) return;
  registered = true;
  const entries = compiledBuild().packages;
  const node = { features: process.features as { typescript?: string }, registerHooks: (nodeModule as unknown as NodeTypeScriptSupport).registerHooks };
  if (node.features.typescript !== undefined && node.registerHooks !== undefined) {
    node.registerHooks({
      resolve: (specifier, context, next) => (entries[specifier] === undefined ? next(specifier, context) : { url: entries[specifier], format: "module", shortCircuit: true }),
    });
    return;
  }
  const [esm, cjs] = await Promise.all([import("tsx/esm/api"), import("tsx/cjs/api")]);
  esm.register();
  cjs.register();
  // Registered after tsx's, so this hook runs first.
  register(`data:text/javascript,${encodeURIComponent(COMPILED_PACKAGES_HOOK)}`, { data: entries });
}
