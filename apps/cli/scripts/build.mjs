// Builds the compiled CLI into apps/cli/dist/: one esbuild bundle of the CLI and the workspace packages it uses, split
// into chunks so that each command loads only its own code, then each output file turned into a CommonJS module
// (`commonJsOutput` below: on Node 20 only CommonJS can be compiled with V8's code cache). Run by the root `prepare` script (so `npm ci` builds it)
// and by `npm run build`. The bin runs it only while it is up to date (bin/build-state.js); `npm test` runs the sources.
//
// Entry points (the one place they are listed, all discovered):
//   main               apps/cli/src/main.ts, the command line
//   compiled-code-cache apps/cli/src/compiled-code-cache.ts, which the bin runs before it loads main.js
//   <name>-worker      every apps/cli/src/*-worker.ts, the worker threads' modules
//   <package>          the export "." of each @cloudlab/* package the platform's specs import (apps/platform's
//                      dependencies): a spec's `import … from "@cloudlab/model"` shares the bundle's code
// Everything else under packages/*/src and apps/cli/src is bundled as imported; packages from node_modules stay
// external (imported from node_modules at run time, as the sources do).
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { BUILD_FORMAT, BUILD_RECORD, buildDigest, DIST, fileSystemClock, ROOT, verifyInputs, writeStatRecord } from "../bin/build-state.js";

const CLI_SOURCES = join(ROOT, "apps/cli/src");
const readJson = (path) => JSON.parse(readFileSync(join(ROOT, path), "utf8"));
const repositoryPath = (path) => relative(ROOT, path).split(sep).join("/");

/** The folder of a workspace package, from its name (`@cloudlab/model` → packages/model). */
const packageFolder = (name) => repositoryPath(realpathSync(join(ROOT, "node_modules", name)));

/** The absolute path of a workspace package's entry file (its export "."), or undefined for any other specifier. */
function packageEntry(specifier) {
  if (!/^@cloudlab\/[^/]+$/.test(specifier)) return undefined;
  const folder = packageFolder(specifier);
  const exported = readJson(`${folder}/package.json`).exports?.["."];
  if (typeof exported !== "string") throw new Error(`${specifier}: no export "." to build`);
  return join(ROOT, folder, exported);
}

/** The `@cloudlab/*` packages the platform's specs import (apps/platform's dependencies), sorted. */
function platformImports() {
  return Object.keys(readJson("apps/platform/package.json").dependencies ?? {})
    .filter((name) => name.startsWith("@cloudlab/"))
    .sort();
}

/** The output name of a package's entry point (`@cloudlab/model` → model). */
const packageOutputName = (name) => name.slice("@cloudlab/".length);

/** The entry points, by output name (see above). */
function entryPoints() {
  const entries = { main: join(CLI_SOURCES, "main.ts"), "compiled-code-cache": join(CLI_SOURCES, "compiled-code-cache.ts") };
  for (const file of readdirSync(CLI_SOURCES).filter((name) => name.endsWith("-worker.ts")).sort()) {
    entries[file.slice(0, -".ts".length)] = join(CLI_SOURCES, file);
  }
  for (const name of platformImports()) entries[packageOutputName(name)] = packageEntry(name);
  return entries;
}

/**
 * Packages from node_modules bundled into the chunks, with everything they import: cdk8s (95 CommonJS files with the
 * packages it bundles) and constructs, which the renderer loads whole, and yaml (72 files), which the gate and the
 * renderer import. Bundled, they cost one file's compilation instead
 * of a require (resolution, package.json reads, a file read and a compilation) per file. They read no files of their
 * own at run time (cdk8s's `Yaml.load` of a URL, which would, is not used).
 */
const BUNDLED_PACKAGES = ["cdk8s", "constructs", "yaml"];
const bundledFolders = BUNDLED_PACKAGES.map((name) => `${sep}node_modules${sep}${name}${sep}`);

/** The folder and version of the copy of package `name` that Node would find from `dir`, or undefined. */
function installedPackage(name, dir) {
  for (let folder = dir; ; folder = dirname(folder)) {
    const manifest = join(folder, "node_modules", name, "package.json");
    if (existsSync(manifest)) return { dir: dirname(manifest), version: readJson(relative(ROOT, manifest)).version };
    if (dirname(folder) === folder) return undefined;
  }
}

/**
 * One copy of each package in BUNDLED_PACKAGES. npm installs yaml 2.9.1 once per workspace package that depends on it
 * (nx's exact 2.9.0 holds the root's slot) and cdk8s ships its own copy: bundled as each importer found them, the
 * chunks held four copies of yaml (1 MB of their 3.3 MB), and a synth compiled three. An import of a bundled package
 * resolves to the copy the CLI's sources find when that copy has the same version; any other version is bundled as
 * found.
 */
const oneCopyOfBundledPackages = {
  name: "one-copy-of-bundled-packages",
  setup(context) {
    // The copy the CLI's sources find, per package: looked up once per build, not per import.
    const canonicalCopies = new Map(BUNDLED_PACKAGES.map((name) => [name, installedPackage(name, CLI_SOURCES)]));
    context.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.canonical === true || args.resolveDir === "") return undefined;
      const name = BUNDLED_PACKAGES.find((bundled) => args.path === bundled || args.path.startsWith(`${bundled}/`));
      if (name === undefined) return undefined;
      const found = installedPackage(name, args.resolveDir);
      const canonical = canonicalCopies.get(name);
      if (found === undefined || canonical === undefined || found.dir === canonical.dir || found.version !== canonical.version) return undefined;
      const resolved = await context.resolve(args.path, { kind: args.kind, resolveDir: CLI_SOURCES, pluginData: { canonical: true } });
      return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path, external: resolved.external, namespace: resolved.namespace, sideEffects: resolved.sideEffects };
    });
  },
};

/**
 * Workspace packages (`@cloudlab/*`), relative imports and BUNDLED_PACKAGES (and what they import) are bundled; every
 * other package stays external.
 */
const externalPackages = {
  name: "external-packages",
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@cloudlab/") || BUNDLED_PACKAGES.includes(args.path)) return undefined;
      if (bundledFolders.some((folder) => args.importer.includes(folder))) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/**
 * Large JSON files (the gate's kind catalog, 200 KB) are bundled as `JSON.parse("…")` rather than as a JavaScript object
 * literal: V8 parses JSON text faster than the same data as code, and parses the literal in full at start-up.
 */
const LARGE_JSON_BYTES = 64 * 1024;
const largeJsonAsText = {
  name: "large-json-as-text",
  setup(context) {
    context.onLoad({ filter: /\.json$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (text.length < LARGE_JSON_BYTES) return undefined;
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`, loader: "js" };
    });
  },
};

/**
 * Turns each of esbuild's ES module outputs into a CommonJS module, in place, and marks the folder CommonJS
 * (`dist/package.json`). Why: V8's code cache, made after a run (compile-cache.ts), saves compiling the chunks and the
 * functions that ran, and Node 20 offers it for scripts only (`vm.Script`; Node 22's own compile cache takes ES modules
 * too, but is made before any function runs). Measured on a 10-service `synth --no-cache`: 1.12 → 1.01 s
 * (docs/performance.md, session 9). What changes in each file, with esbuild's own transform:
 *   - `import`/`export` become `require` and `module.exports` (esbuild's getters: bindings stay live, and a cycle
 *     between chunks sees what is exported so far, as ES modules would);
 *   - a dynamic `import("./chunk-….js")` of another output becomes `Promise.resolve().then(() => require(…))`, so
 *     that no chunk keeps an `import()` (compile-cache.ts leaves a file with one to Node); an `import()` of anything
 *     else (tsx's API, the platform's specs) stays an `import()`;
 *   - `import.meta.url` becomes the file's URL, from `__filename`;
 *   - `"use strict"` first, as ES modules always are.
 * Top-level `await` has no CommonJS form: the build fails on one (the worker entries use none).
 */
function commonJsOutput(transformSync, dist, outputs) {
  const own = new Set(outputs);
  for (const name of outputs) {
    const file = join(dist, name);
    const code = readFileSync(file, "utf8").replace(/\bimport\("\.\/([^"]+)"\)/g, (call, target) => (own.has(target) ? `Promise.resolve().then(() => require("./${target}"))` : call));
    const { code: commonJs } = transformSync(code, {
      format: "cjs",
      platform: "node",
      target: "node20",
      sourcefile: name,
      define: { "import.meta.url": "__cloudlab_import_meta_url" },
      banner: '"use strict";\nvar __cloudlab_import_meta_url = require("node:url").pathToFileURL(__filename).href;',
      logLevel: "error",
    });
    writeFileSync(file, commonJs);
  }
  writeFileSync(join(dist, "package.json"), '{ "type": "commonjs" }\n');
}

async function main() {
  let build, transformSync, directImports, precompiledValidators, kubernetesModelsValidators;
  try {
    ({ build, transformSync } = await import("esbuild"));
    ({ directImports } = await import("./direct-imports.mjs"));
    ({ precompiledValidators } = await import("./precompiled-validators.mjs"));
    ({ kubernetesModelsValidators } = await import("./kubernetes-models-validate/precompile.mjs"));
  } catch (error) {
    // An install without devDependencies (npm ci --omit=dev): no compiled CLI; the bin runs the sources.
    console.log(`cloudlab build: skipped (${error.code ?? error.message}); the cloudlab bin runs the sources`);
    return;
  }
  const started = performance.now();
  const dist = fileURLToPath(DIST);
  // The record goes first: a build that fails midway leaves no record, and the bin runs the sources.
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  // The file system's clock before esbuild reads anything: an input changed since may have been bundled as it was.
  const since = fileSystemClock(join(dist, "build-started"));
  const entries = entryPoints();
  const result = await build({
    entryPoints: entries,
    outdir: dist,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // No banner: the bundled CommonJS packages' `require("crypto")` calls esbuild's shim, which takes the `require` in
    // scope, and once commonJsOutput has made each file a CommonJS module that is the module's own.
    entryNames: "[name]",
    chunkNames: "chunk-[hash]",
    metafile: true,
    logLevel: "warning",
    plugins: [largeJsonAsText, kubernetesModelsValidators(dist), externalPackages, oneCopyOfBundledPackages, precompiledValidators(), directImports(packageEntry)],
  });
  commonJsOutput(transformSync, dist, Object.keys(result.metafile.outputs).map((output) => basename(output)).filter((name) => name.endsWith(".js")));
  // Inputs in a plugin's namespace (`kubernetes-models-commonjs:…`) are generated from installed packages (covered by
  // package-lock.json) by the build's scripts (listed below): only files are hashed.
  // Files of packages from node_modules bundled in (BUNDLED_PACKAGES) are covered by package-lock.json as well, as the
  // external ones are: hashing them would only make every start of the bin stat 300 more files.
  const bundled = Object.keys(result.metafile.inputs)
    .filter((input) => !/^[a-z-]+:/.test(input) && !input.split("/").includes("node_modules"))
    .map((input) => repositoryPath(join(ROOT, input)));
  const inputs = [...new Set([...bundled, "package-lock.json", "apps/cli/scripts/build.mjs", "apps/cli/scripts/direct-imports.mjs", "apps/cli/scripts/precompiled-validators.mjs", "apps/cli/scripts/kubernetes-models-validate/precompile.mjs", "apps/cli/scripts/kubernetes-models-validate/runtime.mjs", "apps/cli/scripts/kubernetes-models-validate/formats.mjs", "apps/cli/bin/build-state.js"])].sort();
  const packages = Object.fromEntries(platformImports().map((name) => [name, `${packageOutputName(name)}.js`]));
  const verified = verifyInputs(inputs, since);
  if (verified === undefined || verified.changed.length > 0) {
    const which = verified === undefined ? `${inputs.find((input) => !existsSync(join(ROOT, input))) ?? "an input"} was deleted` : `${verified.changed.slice(0, 3).join(", ")}${verified.changed.length > 3 ? ", …" : ""} changed`;
    console.log(`cloudlab build: ${which} while it was being built; no build record written, so the bin runs the sources: run npm run build again`);
    return;
  }
  const record = { format: BUILD_FORMAT, digest: buildDigest(verified.hashes), inputs: verified.hashes, packages };
  // What went into each file, for `npx esbuild --analyze`-style questions (`why is cdk8s loaded by validate?`).
  writeFileSync(join(dist, "meta.json"), JSON.stringify(result.metafile));
  writeFileSync(BUILD_RECORD, `${JSON.stringify(record, null, 2)}\n`);
  // The stat data of the inputs just hashed: the bin's first start need not read them again.
  writeStatRecord(record.digest, verified.stats);
  rmSync(join(dist, "build-started"));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`cloudlab build: ${Object.keys(entries).length} entries from ${inputs.length} files into ${repositoryPath(dist)}/ in ${seconds} s`);
}

await main();
