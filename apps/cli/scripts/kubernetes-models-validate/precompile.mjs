// Validators compiled ahead of time for the kubernetes-models packages that compile theirs at run time.
//
// `@kubernetes-models/validate` 4 and later ship each model's validator precompiled; 3 (used by
// @kubernetes-models/istio 2, argo-rollouts 0.3 and gateway-api 0.5) keeps one ajv per module instance: `register(id,
// schema)` adds a model's schema, `validate(id, data)` compiles it on first use (1.6 s for a Rollout), and the render
// and the gate each paid for it. The build finds those packages (their own copy of `@kubernetes-models/validate` is
// 3.x), collects the schema of every model they hold, compiles each with ajv as 3.x sets it up (same options and
// formats) and writes its standalone code to `dist/kubernetes-models-validators/<package>/<schema id>.cjs`. In the
// bundle (the esbuild plugin below):
//   - `import { Rollout } from "@kubernetes-models/argo-rollouts/…"` takes the package's CommonJS build, after
//     runtime.mjs put the precompiled `register`/`validate` in the place of its `@kubernetes-models/validate`;
//   - the gate's `modelModule(specifier)` (packages/validate/src/schema/model-module.ts) requires the same CommonJS
//     modules, so the render and the gate share one instance of each model and validator (of every kubernetes-models
//     package: the others' are precompiled already, but their modules would load twice).
// A validator's code is loaded the first time an object of its schema is validated. apps/cli/test/
// kubernetes-models-validators.test.ts checks that both give the same verdicts, errors and messages.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { _, Ajv } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { runtimeFormats, setUpFormats } from "./formats.mjs";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const SCOPE = join(ROOT, "node_modules/@kubernetes-models");
const RUNTIME = fileURLToPath(new URL("runtime.mjs", import.meta.url));
const MODEL_MODULE = join(ROOT, "packages/validate/src/schema/model-module.ts");
const COMPILED_CODE_CACHE = join(ROOT, "apps/cli/src/compiled-code-cache.ts");
/** The ajv options of `@kubernetes-models/validate` 3 (its dist/index.js). */
export const AJV_OPTIONS = { strictTypes: false, allErrors: true, verbose: true };

/** The folder of the validators of a package in dist/ (`@kubernetes-models/istio` → kubernetes-models-validators/istio). */
const validatorFolder = (name) => `kubernetes-models-validators/${name.slice("@kubernetes-models/".length)}`;

function javascriptFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (name === "node_modules") return [];
      return statSync(path).isDirectory() ? javascriptFiles(path) : name.endsWith(".js") && name !== "index.js" ? [path] : [];
    });
}

/**
 * The `@kubernetes-models/*` packages whose own `@kubernetes-models/validate` is 3.x, sorted by name: `name`, `dir`,
 * `validatePath` (the CommonJS entry of their validate) and `models` (the CommonJS files defining a model).
 */
export function runtimeCompilingPackages() {
  if (!existsSync(SCOPE)) return [];
  return readdirSync(SCOPE)
    .sort()
    .flatMap((folder) => {
      const dir = join(SCOPE, folder);
      const require = createRequire(join(dir, "package.json"));
      let validatePath;
      try {
        validatePath = require.resolve("@kubernetes-models/validate");
      } catch {
        return [];
      }
      const version = JSON.parse(readFileSync(join(dirname(validatePath), "../package.json"), "utf8")).version;
      if (!version.startsWith("3.")) return [];
      const name = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name;
      const models = javascriptFiles(dir).filter((file) => readFileSync(file, "utf8").includes("setSchema)("));
      return [{ name, dir, validatePath, models }];
    });
}

/**
 * Every model's schema id and every schema the package registers (a model's own and those it refers to), gathered by
 * running each model's schema registration with `register` and `validate` of the package's validate intercepted.
 */
export function modelSchemas(pkg) {
  const require = createRequire(join(pkg.dir, "package.json"));
  const validate = require(pkg.validatePath);
  const original = { register: validate.register, validate: validate.validate };
  const schemas = new Map();
  const ids = new Set();
  validate.register = (id, schema) => {
    if (!schemas.has(id)) schemas.set(id, schema);
  };
  validate.validate = (id) => ids.add(id);
  try {
    for (const file of pkg.models) {
      for (const Model of Object.values(require(file))) if (typeof Model === "function" && typeof Model.prototype?.validate === "function") new Model({}).validate();
    }
  } finally {
    Object.assign(validate, original);
  }
  return { ids: [...ids].sort(), schemas };
}

/**
 * Every copy of `@kubernetes-models/validate` the kubernetes-models packages use (the hoisted one and those nested
 * under a package), as `{ folder, major }` with the folder a repository path, sorted by folder.
 */
function validateCopies() {
  if (!existsSync(SCOPE)) return [];
  const nested = ["kubernetes-models", ...readdirSync(SCOPE).sort().map((folder) => `@kubernetes-models/${folder}`)].map((name) => `node_modules/${name}/node_modules/@kubernetes-models/validate`);
  return ["node_modules/@kubernetes-models/validate", ...nested]
    .filter((folder) => existsSync(join(ROOT, folder, "package.json")))
    .map((folder) => ({ folder, major: Number(JSON.parse(readFileSync(join(ROOT, folder, "package.json"), "utf8")).version.split(".")[0]) }))
    .sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}

/**
 * The `dist/runtime/re2.js` of every copy of `@kubernetes-models/validate` 4 or later that a kubernetes-models package
 * uses, as repository paths, sorted: their validators build RE2 patterns at module load, which runtime.mjs
 * `installLazyRe2` defers to first use.
 */
export function re2RuntimeFiles() {
  return validateCopies()
    .filter(({ major }) => major >= 4)
    .map(({ folder }) => `${folder}/dist/runtime/re2.js`)
    .filter((file) => existsSync(join(ROOT, file)));
}

/**
 * The folders of the copies of `@kubernetes-models/validate` 4 (the major whose `dist/formats.js` and `dist/validate.js`
 * runtime.mjs `leanValidateModules` stands in for), as repository paths, sorted.
 */
export function leanValidateFolders() {
  return validateCopies()
    .filter(({ major }) => major === 4)
    .map(({ folder }) => folder);
}

/** Format names a validator's code reads from `formats` (`formats.int32`, `formats["date-time"]`). */
function formatsUsed(code) {
  return [...code.matchAll(/\bformats(?:\.([A-Za-z_$][\w$]*)|\["([^"]+)"\])/g)].map((m) => m[1] ?? m[2]);
}

/**
 * Writes the package's validators into `outDir/<validatorFolder>/`, one CommonJS module per model schema id
 * exporting `(formats) => validate`. Returns the ids.
 */
export async function writeModelValidators(pkg, outDir) {
  const { ids, schemas } = modelSchemas(pkg);
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, formats: _`formats` } });
  await setUpFormats(ajv);
  for (const [id, schema] of schemas) ajv.addSchema(schema, id);
  const folder = join(outDir, validatorFolder(pkg.name));
  mkdirSync(folder, { recursive: true });
  for (const id of ids) {
    ajv.getSchema(id);
    const code = standaloneCode(ajv, { validate: id });
    for (const format of formatsUsed(code)) {
      if (runtimeFormats()[format] !== ajv.formats[format]) throw new Error(`${pkg.name} ${id}: format "${format}" is not among the run-time formats (scripts/kubernetes-models-validate/formats.mjs)`);
    }
    const source = [
      `// ${pkg.name}: the validator of ${id}, ajv's standalone code (apps/cli/scripts/kubernetes-models-validate/precompile.mjs).`,
      `module.exports = function (formats) {`,
      `const exports = {};`,
      code,
      `return exports.validate;`,
      `};`,
      "",
    ].join("\n");
    writeFileSync(join(folder, `${id}.cjs`), source);
  }
  return ids;
}

/** The named exports of a CommonJS model module (`Rollout`, …), and whether each is a function (a class). */
function exportNames(specifier) {
  const module = createRequire(join(ROOT, "package.json"))(specifier);
  return Object.keys(module)
    .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== "default")
    .sort()
    .map((name) => ({ name, isFunction: typeof module[name] === "function" }));
}

/**
 * The esbuild plugin (see above). `dist`: the output folder, where the validators are written when the build starts.
 */
export function kubernetesModelsValidators(dist) {
  return {
    name: "kubernetes-models-validators",
    setup(build) {
      let packages;
      build.onStart(async () => {
        packages = {};
        for (const pkg of runtimeCompilingPackages()) {
          const ids = await writeModelValidators(pkg, dist);
          const probe = `${pkg.name}/${relative(pkg.dir, pkg.models[0]).slice(0, -".js".length)}`;
          packages[pkg.name] = { probe, directory: `./${validatorFolder(pkg.name)}`, ids };
        }
      });
      // Every kubernetes-models package the workspace imports, not only those: the gate requires its models (it loads
      // them by the kind it meets, synchronously), and the render taking the ES module build of the others would load
      // each of their models (and its precompiled validator) a second time.
      build.onResolve({ filter: /^(@kubernetes-models\/|kubernetes-models(\/|$))/ }, (args) => {
        if (args.importer.includes("/node_modules/")) return undefined;
        return { path: args.path, namespace: "kubernetes-models-commonjs" };
      });
      // A model module loads when a class of it is first used (runtime.mjs `lazyExport`), not when the renderer loads:
      // a synth that rebuilds one service's objects loads the models of those kinds only.
      build.onLoad({ filter: /.*/, namespace: "kubernetes-models-commonjs" }, (args) => ({
        contents: [
          `import { lazyExport } from ${JSON.stringify(RUNTIME)};`,
          `import { requireModel } from "cloudlab:kubernetes-models-validators";`,
          `let model;`,
          `const load = () => (model ??= requireModel(${JSON.stringify(args.path)}));`,
          ...exportNames(args.path).map(({ name, isFunction }) => (isFunction ? `export const ${name} = lazyExport(load, ${JSON.stringify(name)});` : `export const ${name} = load().${name};`)),
          "",
        ].join("\n"),
        loader: "js",
        resolveDir: ROOT,
      }));
      build.onResolve({ filter: /^cloudlab:kubernetes-models-validators$/ }, () => ({ path: "installed", namespace: "kubernetes-models-validators" }));
      build.onLoad({ filter: /.*/, namespace: "kubernetes-models-validators" }, () => ({
        contents: [
          `import { installLazyRe2, installLeanValidate, installPrecompiledValidate } from ${JSON.stringify(RUNTIME)};`,
          `import { installCompiledCodeCache } from ${JSON.stringify(COMPILED_CODE_CACHE)};`,
          `const PACKAGES = ${JSON.stringify(packages)};`,
          // V8's code cache for the models, their validators and the precompiled ones (compiled-code-cache.ts). The
          // bin installed it already on the main thread; a worker thread installs it here.
          `installCompiledCodeCache();`,
          // Every chunk sits at the top of apps/cli/dist/, three folders below the repository's root.
          `installLazyRe2(import.meta.url, ${JSON.stringify(re2RuntimeFiles().map((file) => `../../../${file}`))});`,
          `installLeanValidate(import.meta.url, ${JSON.stringify(leanValidateFolders().map((folder) => `../../../${folder}/`))});`,
          // Every chunk sits at the top of dist/, beside the validators' folder.
          `export const requireModel = installPrecompiledValidate(import.meta.url, PACKAGES);`,
          "",
        ].join("\n"),
        loader: "js",
        resolveDir: ROOT,
      }));
      // The gate's model loader: the same CommonJS models as the render's.
      build.onLoad({ filter: /\/packages\/validate\/src\/schema\/model-module\.ts$/ }, (args) => {
        if (args.path !== MODEL_MODULE) return undefined;
        return { contents: `export { requireModel as modelModule } from "cloudlab:kubernetes-models-validators";\n`, loader: "js", resolveDir: ROOT };
      });
    },
  };
}
