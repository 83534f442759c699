import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** `src/rules/`, where each layer (and area) is a folder of `<id>.rule.ts` files. */
export const RULES_DIR = fileURLToPath(new URL("../src/rules/", import.meta.url));

/** Every rule file below `src/rules/`: its id and its folder relative to `src/rules/` (`apiserver/container`), sorted by id. */
export function ruleFiles(): { id: string; folder: string }[] {
  const found: { id: string; folder: string }[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(`${RULES_DIR}${folder}`, { withFileTypes: true })) {
      const child = folder === "" ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith(".rule.ts")) found.push({ id: entry.name.slice(0, -".rule.ts".length), folder });
    }
  };
  walk("");
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
