import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Esbuild from "esbuild";
import { sealed, verifiedBody } from "./incremental/render-cache.ts";

/**
 * The platform's spec files compiled into one ES module, cached under `node_modules/.cache/cloudlab/specs/` and trusted
 * by content: the compiled CLI imports it instead of loading each spec through tsx (a loader thread that every later
 * import goes through too). Each spec keeps its own loader, so files still load one by one, in the order asked, and a
 * throw, a rejection or a top-level await that never settles still belongs to the file that caused it.
 */
export interface SpecBundle {
  /** Imports one spec file (an absolute path given to {@link specBundle}); rejects with what the file threw. */
  readonly load: (file: string) => Promise<{ default?: unknown }>;
  /** `cached`: the entry was trusted; `compiled`: esbuild compiled the files (and the entry was written). */
  readonly source: "cached" | "compiled";
}

/** Options of {@link specBundle}. */
export interface SpecBundleOptions {
  /** The folder of the cache entries (`<cwd>/node_modules/.cache/cloudlab/specs`). */
  readonly cacheDir: string;
  /** Names the entry: one entry per platform folder, replaced when its files change. */
  readonly key: string;
  /**
   * Packages the bundle imports from elsewhere instead of compiling them: specifier → URL (the compiled CLI's own
   * entries of `@cloudlab/*` packages, so a spec shares the CLI's code).
   * @default none
   */
  readonly packages?: Readonly<Record<string, string>>;
  /**
   * Whatever else the compiled code depends on (the CLI build's digest): an entry with another salt is not trusted.
   * @default ""
   */
  readonly salt?: string;
  /**
   * How long the compiled module may take to evaluate (the packages it imports at its top), in seconds: one that has
   * not settled by then is given up, and the files are loaded one by one (each under its own timeout).
   * @default 30
   */
  readonly timeoutSeconds?: number;
  /**
   * Loads esbuild (tests give their own).
   * @default esbuild as tsx, a dependency of the CLI, has it installed
   */
  readonly esbuild?: () => Promise<typeof Esbuild | undefined>;
  /**
   * Called once esbuild has been asked to compile the files (the cached entry did not hold: a spec was edited), while
   * its process works: the caller may start loading what it will need next (the synth, its renderer).
   * @default nothing
   */
  readonly whileCompiling?: () => void;
}

/** The entry format; an entry of another format is never trusted. */
export const SPEC_BUNDLE_FORMAT = 1;

/** A cache entry: what it was compiled from (each input's SHA-256) and the compiled code. */
interface Entry {
  readonly format: number;
  readonly salt: string;
  readonly packages: Readonly<Record<string, string>>;
  readonly files: readonly string[];
  /** SHA-256 of every file the code was compiled from, and of every package file it imports by path. */
  readonly inputs: Readonly<Record<string, string>>;
  readonly code: string;
}

/**
 * Code whose meaning depends on where its file is (`import.meta`, `__dirname`, `__filename`) or on CommonJS `require`
 * at run time: a bundle moves the code, so such a platform is loaded file by file as before.
 */
const LOCATION_DEPENDENT = /\bimport\.meta\b|\b__dirname\b|\b__filename\b|\brequire\s*\(/;

const BUILTINS = new Set(builtinModules);

function sha256(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

/** The SHA-256 of a file's content, or undefined when it cannot be read. */
function fileDigest(path: string): string | undefined {
  try {
    return sha256(readFileSync(path));
  } catch {
    return undefined;
  }
}

function entryFile(options: SpecBundleOptions): string {
  return join(options.cacheDir, `${createHash("sha1").update(options.key).digest("hex").slice(0, 16)}.json`);
}

/** The cached entry for exactly these files, packages and salt, with every input's content unchanged; else undefined. */
function trustedEntry(path: string, files: readonly string[], packages: Readonly<Record<string, string>>, salt: string): Entry | undefined {
  let entry: Entry;
  try {
    const body = verifiedBody(readFileSync(path, "utf8"));
    if (body === undefined) return undefined;
    entry = JSON.parse(body) as Entry;
  } catch {
    return undefined;
  }
  if (entry.format !== SPEC_BUNDLE_FORMAT || entry.salt !== salt || typeof entry.code !== "string") return undefined;
  if (JSON.stringify(entry.files) !== JSON.stringify(files) || JSON.stringify(entry.packages) !== JSON.stringify(packages)) return undefined;
  for (const [input, digest] of Object.entries(entry.inputs)) if (fileDigest(input) !== digest) return undefined;
  return entry;
}

/** Writes an entry atomically (a temporary file renamed into place): a reader sees the old entry or the new one, whole. */
function writeEntry(path: string, entry: Entry): void {
  const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    mkdirSync(resolve(path, ".."), { recursive: true });
    writeFileSync(temp, sealed(JSON.stringify(entry)));
    renameSync(temp, path);
  } catch {
    // A cache that cannot be written (a read-only folder, a full disk) only loses the next run's shortcut.
    rmSync(temp, { force: true });
  }
}

/** esbuild, as tsx (a dependency of the CLI) has it installed; undefined when it cannot be loaded. */
async function defaultEsbuild(): Promise<typeof Esbuild | undefined> {
  try {
    const fromTsx = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"));
    return fromTsx("esbuild") as typeof Esbuild;
  } catch {
    return undefined;
  }
}

/** The name of the generated module in esbuild's list of inputs (it is no file). */
const ENTRY_NAME = "<cloudlab-specs>";

/** The module that gives each spec file its loader, by absolute path. */
function entrySource(files: readonly string[]): string {
  return `export const specs = {\n${files.map((f) => `  ${JSON.stringify(f)}: () => import(${JSON.stringify(f)}),`).join("\n")}\n};\n`;
}

/**
 * Compiles the spec files with esbuild into one ES module: the files and whatever they import from outside
 * `node_modules` are compiled in; packages from `node_modules` and `packages` are imported by URL (so the module runs
 * from anywhere, even from a `data:` URL). Undefined when the files do not compile cleanly (a syntax error, an import
 * that does not resolve, any warning) or depend on their location: loading them one by one then reports what is wrong
 * exactly as before.
 */
async function compile(esbuild: typeof Esbuild, files: readonly string[], packages: Readonly<Record<string, string>>, cwd: string): Promise<Pick<Entry, "inputs" | "code"> | undefined> {
  const imported = new Set<string>();
  const externals: Esbuild.Plugin = {
    name: "cloudlab-spec-externals",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.path.startsWith("node:") || BUILTINS.has(args.path)) return { path: args.path, external: true };
        const compiled = packages[args.path];
        if (compiled !== undefined) return { path: compiled, external: true };
        if (args.pluginData === "cloudlab-resolving") return undefined;
        const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: "cloudlab-resolving" });
        if (found.errors.length > 0) return { errors: found.errors };
        // A package from node_modules in JavaScript runs as it is, from its own file; TypeScript (a workspace package,
        // a symlinked folder) is compiled in.
        if (!found.path.includes(`${sep}node_modules${sep}`) || /\.[cm]?tsx?$/.test(found.path)) return { path: found.path };
        imported.add(found.path);
        return { path: pathToFileURL(found.path).href, external: true };
      });
    },
  };
  let result: Esbuild.BuildResult<{ write: false; metafile: true }>;
  try {
    result = await esbuild.build({
      stdin: { contents: entrySource(files), resolveDir: cwd, sourcefile: ENTRY_NAME, loader: "js" },
      absWorkingDir: cwd,
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "node",
      target: "node20",
      logLevel: "silent",
      plugins: [externals],
    });
  } catch {
    return undefined;
  }
  if (result.warnings.length > 0 || result.outputFiles.length !== 1) return undefined;
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = resolve(cwd, input);
    if (input === ENTRY_NAME) continue;
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
    if (!path.includes(`${sep}node_modules${sep}`) && LOCATION_DEPENDENT.test(text)) return undefined;
    inputs[path] = sha256(text);
  }
  for (const path of imported) {
    const digest = fileDigest(path);
    if (digest === undefined) return undefined;
    inputs[path] = digest;
  }
  const sorted = Object.fromEntries(Object.keys(inputs).sort().map((k) => [k, inputs[k]!]));
  return { inputs: sorted, code: result.outputFiles[0]!.text };
}

type Loaders = Record<string, () => Promise<{ default?: unknown }>>;

/**
 * Runs the compiled module from its text (a `data:` URL: what runs is exactly what was checked, whatever happens to
 * the file meanwhile); undefined when it throws or has not settled within `seconds`.
 */
async function evaluate(code: string, seconds: number): Promise<Loaders | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<undefined>((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout(undefined), seconds * 1000);
  });
  try {
    const module = import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`) as Promise<{ specs: Loaders }>;
    return await Promise.race([module.then((m) => m.specs), expired]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The spec files as one compiled module: the cached entry when every file it was compiled from still has the content
 * it had (never a modification time), else compiled now with esbuild and cached. Undefined when the files cannot be
 * bundled (see `compile`), esbuild is not there, or the module does not evaluate: the caller loads the files one by
 * one, which reports any error exactly as before.
 */
export async function specBundle(files: readonly string[], cwd: string, options: SpecBundleOptions): Promise<SpecBundle | undefined> {
  const packages = options.packages ?? {};
  const salt = options.salt ?? "";
  const path = entryFile(options);
  const cached = trustedEntry(path, files, packages, salt);
  let source: SpecBundle["source"] = "cached";
  let code = cached?.code;
  if (code === undefined) {
    const esbuild = await (options.esbuild ?? defaultEsbuild)();
    if (esbuild === undefined) return undefined;
    const compiling = compile(esbuild, files, packages, cwd);
    options.whileCompiling?.();
    const compiled = await compiling;
    if (compiled === undefined) return undefined;
    writeEntry(path, { format: SPEC_BUNDLE_FORMAT, salt, packages, files, inputs: compiled.inputs, code: compiled.code });
    code = compiled.code;
    source = "compiled";
  }
  const specs = await evaluate(code, options.timeoutSeconds ?? 30);
  if (specs === undefined) return undefined;
  return {
    source,
    load: (file) => {
      const loader = specs[file];
      return loader === undefined ? Promise.reject(new Error(`${relative(cwd, file)} is not in the compiled specs`)) : loader();
    },
  };
}
