import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";

/**
 * V8's code cache for the CommonJS files the compiled CLI loads in bulk: its own chunks, the kubernetes-models classes
 * and their validators, and the validators the build precompiled. Compiling them is most of what a synth of a small platform
 * spends on them: a precompiled Istio validator takes 20–30 ms of V8 compilation on its first call (one function of
 * several hundred KB), against 0.1 ms with its cached code.
 *
 * Node 20 has no compile cache of its own (22.1+ has `module.enableCompileCache`, whose cache is made when a module is
 * compiled, before its functions ever run, so it holds little of a validator). This cache is made when the process
 * exits, with `Script.createCachedData()`, which holds every function compiled by then: the validators that ran.
 *
 * An entry is named by the SHA-256 of the file's path and content and of Node's version and architecture, so a file
 * that changes in any way is compiled again (never a modification time); V8 rejects an entry of another V8 or other
 * flags, which is then rewritten. Entries are written to a temporary file and renamed, so concurrent runs never read a
 * torn one; a cache that cannot be written (a read-only install) only means compiling every time.
 */
export interface CompileCacheOptions {
  /** The folder of the entries (`node_modules/.cache/cloudlab/v8/`). */
  readonly dir: string;
  /** Which files to cache (absolute paths). Any other file is compiled by Node as usual. */
  readonly includes: (filename: string) => boolean;
  /**
   * Files shorter than this (in UTF-16 code units) are compiled by Node as usual: for them, hashing the content and
   * reading the entry costs about what compiling saves (measured on `validate` of one Deployment, whose model loads
   * about twenty small files: 9 ms slower with every file cached, even with 16 KB and up).
   * @default 16384
   */
  readonly minimumLength?: number;
}

/** What Node's CommonJS loader passes `_compile` and what it needs of a module. */
interface LoaderModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string, ...rest: unknown[]): unknown;
}

/** The wrapper Node puts around a CommonJS module's code (`Module.wrapper`). */
const WRAPPER_START = "(function (exports, require, module, __filename, __dirname) { ";
const WRAPPER_END = "\n});";

let installed = false;

/** The name of a file's entry. */
export function entryName(filename: string, content: string): string {
  return `${createHash("sha256").update(`${process.version}\0${process.arch}\0${filename}\0`).update(content).digest("hex").slice(0, 40)}.v8`;
}

/** A `require` for a module, as Node makes it: loads through the module (its children, its parent), resolves from its file. */
function requireOf(module: LoaderModule, filename: string): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolver = createRequire(filename);
  require.resolve = resolver.resolve;
  require.cache = resolver.cache;
  require.main = resolver.main;
  require.extensions = resolver.extensions;
  return require;
}

/**
 * Compiles the matching CommonJS files with V8's code cache from `options.dir`, and writes the entries it lacked when
 * the process exits. Once per process; later calls do nothing. A file that does not compile as a script (ES module
 * syntax, which Node detects) is left to Node.
 */
export function installCompileCache(options: CompileCacheOptions): void {
  if (installed) return;
  installed = true;
  const minimumLength = options.minimumLength ?? 16_384;
  const prototype = Module.prototype as unknown as LoaderModule;
  const original = prototype._compile;
  const pending: { path: string; script: Script }[] = [];
  prototype._compile = function (this: LoaderModule, content: string, filename: string, ...rest: unknown[]): unknown {
    // A dynamic `import()` in a script that `vm.Script` compiled fails on Node 20 (it needs an experimental loader
    // option, which warns): a file that may hold one is Node's to compile. The compiled CLI's chunks require each other
    // (build.mjs), so only the platform loader's chunk is left out.
    if (content.length < minimumLength || !options.includes(filename) || content.includes("import(")) return original.call(this, content, filename, ...rest);
    const path = join(options.dir, entryName(filename, content));
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(path);
    } catch {
      cachedData = undefined;
    }
    let script: Script;
    try {
      script = new Script(WRAPPER_START + content + WRAPPER_END, { filename, ...(cachedData === undefined ? {} : { cachedData }) });
    } catch {
      return original.call(this, content, filename, ...rest);
    }
    if (cachedData === undefined || script.cachedDataRejected === true) pending.push({ path, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireOf(this, filename), this, filename, dirname(filename));
  };
  process.once("exit", () => {
    if (pending.length === 0) return;
    try {
      mkdirSync(options.dir, { recursive: true });
      for (const { path, script } of pending) {
        // The render worker's thread may write the same entry in the same process. (node:worker_threads is loaded
        // here, not with this module, which the bin loads for every command: 3 ms of `--help`.)
        const { threadId } = createRequire(import.meta.url)("node:worker_threads") as typeof import("node:worker_threads");
        const temporary = `${path}.${process.pid}-${threadId}.tmp`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, path);
      }
    } catch {
      // A cache that cannot be written: the next run compiles again.
    }
  });
}
