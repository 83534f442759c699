import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Every file below `dir` whose name `accept`s, depth first, sorted by path; none when `dir` does not exist. */
export function listFiles(dir: string, accept: (name: string) => boolean): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), accept) : accept(e.name) ? [join(dir, e.name)] : []));
}
