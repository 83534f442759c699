import { statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { EnvironmentSpec, PlatformDefinition, ServiceSpec, Sourced, TenantSpec } from "@cloudlab/model";
import { COMPILED } from "./compiled-code.ts";
import { listFiles } from "./list-files.ts";
import { specBundle } from "./spec-bundle.ts";
import { compiledBuild, ensureTypeScriptLoader } from "./typescript-loader.ts";
import { UserError } from "./user-error.ts";

/** The folders of a platform directory and what each file in them default-exports. */
export const PLATFORM_FOLDERS = { tenants: "tenants", services: "services", environments: "environments" } as const;

/** The spec files below `dir`: TypeScript, neither declarations nor tests. */
function listTypeScript(dir: string): string[] {
  return listFiles(dir, (name) => /\.(m?ts)$/.test(name) && !name.endsWith(".d.ts") && !/\.test\.m?ts$/.test(name)).sort();
}

/** The useful lines of an import failure: the message and, for a syntax error, the line saying where. */
function loadFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const lines = error.message.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  return lines.slice(0, 3).join(" ");
}

/** How long each spec file may take to load, in seconds, unless `--timeout` says otherwise. */
export const DEFAULT_LOAD_TIMEOUT_SECONDS = 30;

/** Options of {@link loadPlatform}. */
export interface LoadOptions {
  /**
   * How long each spec file may take to load (its module and what it imports, top-level awaits included), in seconds.
   * A file that throws fails at once; one that has not settled by then (a top-level `await` that never resolves, a
   * fetch that hangs) fails with an error naming it. A file stuck in a synchronous loop is not stopped: the timer
   * needs the event loop.
   * @default 30
   */
  readonly timeoutSeconds?: number;
  /**
   * Called when the compiled CLI must compile the spec files again (one was edited), while esbuild's process does it:
   * the synth starts loading its renderer then, instead of after the specs.
   * @default nothing
   */
  readonly whileCompiling?: () => void;
}

/** Imports one spec file (an absolute path). */
type SpecImporter = (path: string) => Promise<{ default?: unknown }>;

/** A spec file as its own module, through whatever loader is registered. */
const importFile: SpecImporter = (path) => import(pathToFileURL(path).href) as Promise<{ default?: unknown }>;

/** A spec module, or the reason it did not load in time. */
async function importWithin(load: SpecImporter, path: string, seconds: number): Promise<{ default?: unknown } | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<"timeout">((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout("timeout"), seconds * 1000);
  });
  try {
    return await Promise.race([load(path), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The spec a module default-exports. A platform file outside a `"type": "module"` package is CommonJS: tsx compiles
 * its `export default` to `exports.default` and marks the exports `__esModule`, and Node's `import()` of a CommonJS
 * module gives `module.exports` as the default, i.e. `{ default: spec }`. Unwrap that one level (only for a module
 * marked `__esModule`, so a spec that has a field named `default` still reaches the validator as written).
 */
function defaultExport(module: { default?: unknown }): unknown {
  const value = module.default;
  if (value !== null && typeof value === "object" && (value as { __esModule?: unknown }).__esModule === true && "default" in value) {
    return (value as { default?: unknown }).default;
  }
  return value;
}

async function loadFolder<T>(paths: readonly string[], load: SpecImporter, cwd: string, seconds: number): Promise<Sourced<T>[]> {
  const loaded: Sourced<T>[] = [];
  for (const path of paths) {
    const file = relative(cwd, path).split(sep).join("/");
    let module: { default?: unknown } | "timeout";
    try {
      module = await importWithin(load, path, seconds);
    } catch (error) {
      const reason = loadFailure(error);
      throw new UserError(`${file}: cannot be loaded: ${reason}`, 1);
    }
    if (module === "timeout") {
      throw new UserError(`${file}: did not finish loading within ${seconds} s (a top-level await that never settles?); --timeout SECONDS allows longer`, 1);
    }
    const spec = defaultExport(module);
    if (spec === undefined || spec === null || typeof spec !== "object") {
      throw new UserError(`${file}: has no default export; export the spec with \`export default define…({ … })\``, 1);
    }
    loaded.push({ spec: spec as T, file });
  }
  return loaded;
}

/**
 * How the spec files are imported. From sources, one by one through the loader the bin or vitest registered. Compiled,
 * from the platform's compiled specs (`spec-bundle.ts`: cached by content under `node_modules/.cache/cloudlab/specs/`),
 * so that neither tsx nor its loader thread is started; when they cannot be compiled (a syntax error, an import that
 * does not resolve, code that depends on its file's location), one by one through tsx (or Node's own type stripping),
 * which reports what is wrong as it always did.
 */
async function specImporter(files: readonly string[], dir: string, cwd: string, seconds: number, whileCompiling: (() => void) | undefined): Promise<SpecImporter> {
  if (COMPILED && files.length > 0) {
    const build = compiledBuild();
    const bundle = await specBundle(files, cwd, {
      cacheDir: join(cwd, "node_modules", ".cache", "cloudlab", "specs"),
      key: dir,
      packages: build.packages,
      salt: build.digest,
      timeoutSeconds: seconds,
      ...(whileCompiling === undefined ? {} : { whileCompiling }),
    });
    if (bundle !== undefined) return bundle.load;
  }
  await ensureTypeScriptLoader();
  return importFile;
}

/**
 * Loads a platform directory: every `.ts` file under `tenants/`, `services/` and `environments/` default-exports one
 * spec. Files load in sorted path order; the result does not depend on directory listing order.
 */
export async function loadPlatform(platformDir: string, cwd: string, options: LoadOptions = {}): Promise<PlatformDefinition> {
  const dir = resolve(cwd, platformDir);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`platform directory not found: ${platformDir}`, 2);
  }
  const seconds = options.timeoutSeconds ?? DEFAULT_LOAD_TIMEOUT_SECONDS;
  const tenants = listTypeScript(join(dir, PLATFORM_FOLDERS.tenants));
  const services = listTypeScript(join(dir, PLATFORM_FOLDERS.services));
  const environments = listTypeScript(join(dir, PLATFORM_FOLDERS.environments));
  const load = await specImporter([...tenants, ...services, ...environments], dir, cwd, seconds, options.whileCompiling);
  return {
    tenants: await loadFolder<TenantSpec>(tenants, load, cwd, seconds),
    services: await loadFolder<ServiceSpec>(services, load, cwd, seconds),
    environments: await loadFolder<EnvironmentSpec>(environments, load, cwd, seconds),
  };
}
