import type { Tree } from "nx/src/devkit-exports";

/** Where the platform's definitions live, relative to the workspace root. */
export const PLATFORM_ROOT = "apps/platform";

/** A file a generator writes: its path relative to the workspace root, and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** A generator's input that cannot be used: the message says which option and why. */
export class GeneratorError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = "GeneratorError";
  }
}

const DNS_LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Checks a name used for a Kubernetes object or a file: a DNS label. */
export function checkName(option: string, value: unknown): string {
  if (typeof value !== "string" || !DNS_LABEL.test(value)) {
    throw new GeneratorError(`--${option} ${String(value)}: must be a DNS label (lower-case letters, digits and '-', starting with a letter, at most 63)`);
  }
  return value;
}

/** A TypeScript string literal. */
export function literal(value: string): string {
  return JSON.stringify(value);
}

/**
 * Writes `files` into the Nx tree, all or nothing: if any of them exists already, nothing is written (a generator
 * never overwrites a spec).
 */
export function writeNewFiles(tree: Tree, files: readonly GeneratedFile[]): void {
  const existing = files.filter((file) => tree.exists(file.path));
  if (existing.length > 0) throw new GeneratorError(`${existing.map((f) => f.path).join(", ")} already exists; nothing was written`);
  for (const file of files) tree.write(file.path, file.content);
}
