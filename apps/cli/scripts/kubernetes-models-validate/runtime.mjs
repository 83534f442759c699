// What the compiled CLI puts in place of `@kubernetes-models/validate` 3 (see precompile.mjs): the same `register(id,
// schema)` and `validate(id, data)`, with each model's validator compiled ahead of time and loaded on its first use.
// `validate` throws what 3.1.2's throws: ajv's `ValidationError` whose `errors` are ajv's without the errors of the
// `null` branch of a `oneOf: [{ $ref }, { type: "null" }]` (its `excludeNullableRefErrors`) and whose message is
// ajv's `errorsText` of them.
import Module, { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { OWN_FORMATS, runtimeFormats } from "./formats.mjs";

/** ajv's `errorsText` with its defaults (separator ", ", data variable "data"). */
function errorsText(errors) {
  if (errors.length === 0) return "No errors";
  return errors.map((e) => `data${e.instancePath} ${e.message}`).join(", ");
}

/** Drops the `type: null` errors of nullable references, and the `oneOf` error itself, as 3.1.2 does. */
function excludeNullableRefErrors(errors) {
  const result = [];
  const schemaPathsToExclude = new Set();
  for (const error of errors) {
    if (error.keyword === "oneOf") {
      const nullTypeIndex = error.schema?.findIndex((branch) => branch.type === "null");
      if (nullTypeIndex > -1) {
        schemaPathsToExclude.add(`${error.schemaPath}/${nullTypeIndex}/type`);
        continue;
      }
    }
    result.push(error);
  }
  return result.filter((error) => !schemaPathsToExclude.has(error.schemaPath));
}

/**
 * `{ register, validate }` over precompiled validators: `validatorFile(id)` is the file of the validator of a model's
 * schema id (a CommonJS module exporting `(formats) => validate`), or undefined when the package has no model of
 * that id (ajv's own error then, as for a schema never registered).
 */
export function precompiledValidate(validatorFile) {
  const require = createRequire(import.meta.url);
  const validators = new Map();
  let ValidationError;
  function validatorOf(id) {
    let validator = validators.get(id);
    if (validator === undefined) {
      const file = validatorFile(id);
      if (file === undefined) throw new Error(`no schema with key or ref "${id}"`);
      validator = require(file)(runtimeFormats());
      validators.set(id, validator);
    }
    return validator;
  }
  return {
    /** The schemas were compiled into the validators: nothing to add. */
    register() {},
    validate(id, data) {
      const validator = validatorOf(id);
      if (!validator(data) && validator.errors) {
        ValidationError ??= require("ajv/dist/runtime/validation_error").default;
        const errors = excludeNullableRefErrors(validator.errors);
        const error = new ValidationError(errors);
        error.message = errorsText(errors);
        throw error;
      }
    },
  };
}

/** Puts a module whose exports are `exports` in Node's module cache at `path`: requiring that file then gives it. */
function putInModuleCache(cache, path, exports) {
  const module = new Module(path);
  module.filename = path;
  module.loaded = true;
  module.exports = exports;
  cache[path] = module;
}

/**
 * Puts `precompiledValidate` in the place of each package's own `@kubernetes-models/validate` 3 (its CommonJS build,
 * in Node's module cache before anything requires it), and returns the `require` of the packages' CommonJS models that
 * then use it. `packages`: by package name, a model module of it to resolve from (`probe`), the folder of its
 * validators (a URL relative to `base`) and the schema ids it has validators for.
 */
export function installPrecompiledValidate(base, packages) {
  const require = createRequire(base);
  for (const { probe, directory, ids } of Object.values(packages)) {
    const validatePath = createRequire(require.resolve(probe)).resolve("@kubernetes-models/validate");
    const known = new Set(ids);
    putInModuleCache(require.cache, validatePath, precompiledValidate((id) => (known.has(id) ? fileURLToPath(new URL(`${directory}/${id}.cjs`, base)) : undefined)));
  }
  return (specifier) => require(specifier);
}

/**
 * A stand-in for re2-wasm's `RE2` that compiles the expression with RE2 on its first use. The validators of
 * `@kubernetes-models/validate` 4 and later build their RE2 patterns when their module loads (PrometheusRule's
 * `^(?i)(abort|warn)?$`, two in AlertmanagerConfig), so loading such a validator loaded and started RE2's WebAssembly
 * (about 60 ms) although no object of ours has the field the pattern checks. The verdicts are RE2's: ajv's generated
 * code calls `test` only; `exec` and `source` are forwarded too. `load`: returns re2-wasm's `RE2`.
 */
export function lazyRe2(load) {
  return class LazyRE2 {
    #args;
    #compiled;
    constructor(...args) {
      this.#args = args;
    }
    #expression() {
      this.#compiled ??= new (load())(...this.#args);
      return this.#compiled;
    }
    test(value) {
      return this.#expression().test(value);
    }
    exec(value) {
      return this.#expression().exec(value);
    }
    get source() {
      return this.#expression().source;
    }
  };
}

/**
 * Puts `lazyRe2` in the place of `@kubernetes-models/validate/dist/runtime/re2` (in Node's module cache, before any
 * validator requires it), for each copy of it: `files`, URLs relative to `base` (see precompile.mjs `re2RuntimeFiles`).
 */
export function installLazyRe2(base, files) {
  const require = createRequire(base);
  for (const file of files) {
    const path = fileURLToPath(new URL(file, base));
    if (require.cache[path] !== undefined) continue;
    putInModuleCache(require.cache, path, { __esModule: true, default: lazyRe2(() => createRequire(path)("re2-wasm").RE2) });
  }
}

/** The formats ajv-formats-draft2019 defines (its formats/index.js), in its order. */
export const DRAFT2019_FORMATS = ["iri", "duration", "idn-email", "idn-hostname", "iri-reference"];

/**
 * What `@kubernetes-models/validate` 4 exports from `dist/formats.js` and `dist/validate.js`, loading less. Every
 * kubernetes-models 4 model loads both. The same formats, in the same order, with the same definitions (ajv-formats'
 * full formats, ajv-formats-draft2019's over them, then `byte`, `quantity`, `string` and `cidr`); but the draft 2019
 * formats and is-cidr, which no model's validator names (they use int32, int64, date-time, byte, double and
 * quantity), load on first use. `runValidateFunc` words the errors with ajv-i18n's English module, the very function
 * the original takes from ajv-i18n's index, without the index's 22 other languages. Together about 25 ms of each
 * process that validates a kubernetes-models object. `folder`: the package's folder.
 */
export function leanValidateModules(folder) {
  const require = createRequire(join(folder, "package.json"));
  let draft2019;
  const formats = { ...require("ajv-formats/dist/formats.js").fullFormats };
  for (const name of DRAFT2019_FORMATS) {
    Object.defineProperty(formats, name, {
      configurable: true,
      enumerable: true,
      get: () => {
        draft2019 ??= require("ajv-formats-draft2019/formats/index.js");
        return draft2019[name];
      },
    });
  }
  let isCidr;
  Object.assign(formats, OWN_FORMATS, {
    cidr: {
      type: "string",
      validate: (value) => {
        if (isCidr === undefined) {
          const loaded = require("is-cidr");
          isCidr = loaded?.__esModule ? loaded.default : loaded;
        }
        return isCidr(value) !== 0;
      },
    },
  });
  const ValidationError = require("./dist/runtime/validation_error.js").default;
  const localizeEnglish = require("ajv-i18n/localize/en");
  return {
    formats: {
      __esModule: true,
      formats,
      addFormats(ajv) {
        for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
      },
    },
    validate: {
      __esModule: true,
      runValidateFunc(fn, data) {
        if (!fn(data) && fn.errors) {
          const errors = fn.errors;
          const error = new ValidationError(errors);
          localizeEnglish(errors);
          error.message = errors.map((e) => `data${e.instancePath} ${e.message}`).join(", ");
          throw error;
        }
      },
    },
  };
}

/**
 * Puts `leanValidateModules` in the place of `dist/formats.js` and `dist/validate.js` of each copy of
 * `@kubernetes-models/validate` 4 (in Node's module cache, before any model requires them): `folders`, URLs of the
 * packages' folders relative to `base` (see precompile.mjs `leanValidateFolders`).
 */
export function installLeanValidate(base, folders) {
  const require = createRequire(base);
  for (const folder of folders) {
    const root = fileURLToPath(new URL(folder, base));
    const modules = leanValidateModules(root);
    for (const name of ["formats", "validate"]) {
      const path = join(root, "dist", `${name}.js`);
      if (require.cache[path] === undefined) putInModuleCache(require.cache, path, modules[name]);
    }
  }
}

/**
 * A function export (a model class) of a module loaded on first use: a proxy that loads `load()[name]` the first time
 * it is constructed, called or read (`new Rollout(…)`, `Rollout.apiVersion`), and forwards to it from then on, so
 * `instanceof`, statics and prototypes are the class's own. Objects made with it are the class's instances.
 */
export function lazyExport(load, name) {
  let loaded;
  const real = () => (loaded ??= load()[name]);
  // A constructible function of the same name as the target, so `typeof` and `new` work before anything is loaded.
  const stub = { [name]: function () {} }[name];
  const proxy = new Proxy(stub, {
    apply: (_, self, args) => Reflect.apply(real(), self, args),
    construct: (_, args, newTarget) => Reflect.construct(real(), args, newTarget === proxy ? real() : newTarget),
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
  return proxy;
}
