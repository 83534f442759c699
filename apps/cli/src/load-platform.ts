import { statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { EnvironmentSpec, PlatformDefinition, ServiceSpec, Sourced, TenantSpec } from "@cloudlab/model";
import { listFiles } from "./list-files.ts";
import { ensureTypeScriptLoader } from "./typescript-loader.ts";
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

async function loadFolder<T>(platformDir: string, folder: string, cwd: string): Promise<Sourced<T>[]> {
  const loaded: Sourced<T>[] = [];
  for (const path of listTypeScript(join(platformDir, folder))) {
    const file = relative(cwd, path).split(sep).join("/");
    let module: { default?: unknown };
    try {
      module = (await import(pathToFileURL(path).href)) as { default?: unknown };
    } catch (error) {
      const reason = loadFailure(error);
      throw new UserError(`${file}: cannot be loaded: ${reason}`, 1);
    }
    if (module.default === undefined || module.default === null || typeof module.default !== "object") {
      throw new UserError(`${file}: has no default export; export the spec with \`export default define…({ … })\``, 1);
    }
    loaded.push({ spec: module.default as T, file });
  }
  return loaded;
}

/**
 * Loads a platform directory: every `.ts` file under `tenants/`, `services/` and `environments/` default-exports one
 * spec. Files load in sorted path order; the result does not depend on directory listing order.
 */
export async function loadPlatform(platformDir: string, cwd: string): Promise<PlatformDefinition> {
  const dir = resolve(cwd, platformDir);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`platform directory not found: ${platformDir}`, 2);
  }
  await ensureTypeScriptLoader();
  return {
    tenants: await loadFolder<TenantSpec>(dir, PLATFORM_FOLDERS.tenants, cwd),
    services: await loadFolder<ServiceSpec>(dir, PLATFORM_FOLDERS.services, cwd),
    environments: await loadFolder<EnvironmentSpec>(dir, PLATFORM_FOLDERS.environments, cwd),
  };
}
