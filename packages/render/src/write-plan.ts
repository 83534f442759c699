import type { RenderedFile } from "./rendered-file.ts";

/** What writing a render changes on disk. */
export interface WritePlan {
  /** Files to create or overwrite (their bytes differ or they are new), sorted. */
  readonly write: readonly RenderedFile[];
  /** Files to delete: owned by a rendered environment but no longer rendered, sorted. */
  readonly remove: readonly string[];
  /** How many rendered files are already byte-identical on disk. */
  readonly unchanged: number;
}

/**
 * Compares a render with what is on disk. `current` maps every file now under the rendered environments' folders
 * to its content. Pure: the CLI reads and writes.
 */
export function planWrite(current: ReadonlyMap<string, string>, files: readonly RenderedFile[]): WritePlan {
  const rendered = new Set(files.map((f) => f.path));
  const write = files.filter((f) => current.get(f.path) !== f.content);
  const remove = [...current.keys()].filter((path) => !rendered.has(path)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { write, remove, unchanged: files.length - write.length };
}
