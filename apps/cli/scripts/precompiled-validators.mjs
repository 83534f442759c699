// An esbuild plugin that compiles JSON-Schema validators ahead of time. Each `*.ajv.ts` module in the workspace is a
// recipe (AJV_OPTIONS, setUpAjv(ajv), VALIDATORS: name → schema reference, optional FORMATS: the module and export
// holding its formats) with a `validator(name)` that compiles on first use. In the bundle the module is replaced by
// ajv's standalone code for every validator it lists, behind the same `validator(name)` (AJV_OPTIONS and VALIDATORS,
// plain data, are kept): the compiled CLI neither loads
// ajv's compiler nor compiles a schema at start-up. apps/cli/test/precompiled-validators.test.ts checks that both give
// the same verdicts.
import { dirname, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { _, Ajv } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { tsImport } from "tsx/esm/api";

/** ajv's standalone code for the recipe module at `path`, as an ES module exporting `validator(name)`. */
export async function precompiledValidatorsModule(path) {
  const recipe = await tsImport(pathToFileURL(path).href, import.meta.url);
  const formats = recipe.FORMATS;
  const ajv = new Ajv({ ...recipe.AJV_OPTIONS, code: { source: true, esm: true, ...(formats === undefined ? {} : { formats: _`formats` }) } });
  recipe.setUpAjv(ajv);
  const names = Object.keys(recipe.VALIDATORS);
  const code = standaloneCode(ajv, recipe.VALIDATORS).replace(/^"use strict";/, "");
  return [
    `// ajv's standalone code for ${relative(process.cwd(), path)} (apps/cli/scripts/precompiled-validators.mjs).`,
    `import { createRequire } from "node:module";`,
    formats === undefined ? "" : `import { ${formats.export} as formats } from ${JSON.stringify(fileURLToPath(formats.module))};`,
    // The standalone code requires ajv's small run-time helpers (ajv/dist/runtime/*).
    `const require = createRequire(import.meta.url);`,
    code,
    `export const AJV_OPTIONS = ${JSON.stringify(recipe.AJV_OPTIONS)};`,
    `export const VALIDATORS = ${JSON.stringify(recipe.VALIDATORS)};`,
    `const COMPILED = { ${names.join(", ")} };`,
    `export function validator(name) { return COMPILED[name]; }`,
    "",
  ].join("\n");
}

/** The plugin: every `*.ajv.ts` module outside node_modules is replaced by its precompiled validators. */
export function precompiledValidators() {
  return {
    name: "precompiled-validators",
    setup(build) {
      build.onLoad({ filter: /\.ajv\.ts$/ }, async (args) => {
        if (args.path.includes("/node_modules/")) return undefined;
        return { contents: await precompiledValidatorsModule(args.path), loader: "js", resolveDir: dirname(args.path) };
      });
    },
  };
}
