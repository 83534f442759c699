import { readFileSync } from "node:fs";
import { register } from "node:module";
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

/** The compiled entry of each workspace package the build made one for, by package name (its `build.json`). */
function compiledPackages(): Record<string, string> {
  const record = JSON.parse(readFileSync(new URL("./build.json", import.meta.url), "utf8")) as { packages?: Record<string, string> };
  return Object.fromEntries(Object.entries(record.packages ?? {}).map(([name, file]) => [name, new URL(`./${file}`, import.meta.url).href]));
}

/**
 * Makes `import()` of the platform's TypeScript files work. From sources a loader is there already (the bin registered
 * tsx; vitest transforms TypeScript itself). Compiled, tsx's loaders are registered the first time a platform is loaded
 * (ESM and CommonJS: a platform file may sit in either kind of package), so a command that loads no platform never
 * pays for them.
 */
export async function ensureTypeScriptLoader(): Promise<void> {
  if (!COMPILED || registered) return;
  registered = true;
  const [esm, cjs] = await Promise.all([import("tsx/esm/api"), import("tsx/cjs/api")]);
  esm.register();
  cjs.register();
  // Registered after tsx's, so this hook runs first.
  register(`data:text/javascript,${encodeURIComponent(COMPILED_PACKAGES_HOOK)}`, { data: compiledPackages() });
}
