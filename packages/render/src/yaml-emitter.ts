import { sortCodeUnits } from "@cloudlab/model";
import { isLiteralBlockSafe, yamlString } from "./yaml-scalar.ts";

/** Keys that open the top level of every manifest, in this order; all other keys follow in code-unit order. */
const LEADING_KEYS = ["apiVersion", "kind", "metadata"] as const;

function present(value: unknown): boolean {
  return value !== null && value !== undefined;
}

function scalar(value: unknown): string {
  if (typeof value === "string") return yamlString(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} in a manifest`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  throw new Error(`cannot write a ${typeof value} in a manifest`);
}

function isCollection(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

/** Whether a list or map has no present item (no array of the values is made: this runs for every collection). */
function isEmptyCollection(value: object): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (present(item)) return false;
    return true;
  }
  for (const key in value) if (Object.hasOwn(value, key) && present((value as Record<string, unknown>)[key])) return false;
  return true;
}

/** The text written so far: appended to, which is cheaper than collecting pieces and joining them (-30 %). */
interface Out {
  text: string;
}

/**
 * Keys as written, by key: the same few hundred keys (`name`, `labels`, `containerPort`) recur in every manifest, and
 * deciding whether one needs quotes takes several regular expressions. Bounded, for keys that are data (labels).
 */
const KEY_TEXT = new Map<string, string>();

function keyText(key: string): string {
  let text = KEY_TEXT.get(key);
  if (text === undefined) {
    text = yamlString(key);
    if (KEY_TEXT.size < 10_000) KEY_TEXT.set(key, text);
  }
  return text;
}

/** A value after `key:` or `- `: inline for scalars and empty collections, else on the following lines. */
function writeValue(out: Out, value: unknown, indent: string): void {
  if (!isCollection(value)) {
    if (typeof value === "string" && isLiteralBlockSafe(value)) {
      const body = value.endsWith("\n") ? value.slice(0, -1) : value;
      out.text += value.endsWith("\n") ? " |\n" : " |-\n";
      for (const line of body.split("\n")) out.text += line === "" ? "\n" : `${indent}  ${line}\n`;
      return;
    }
    out.text += ` ${scalar(value)}\n`;
    return;
  }
  if (isEmptyCollection(value)) {
    out.text += Array.isArray(value) ? " []\n" : " {}\n";
    return;
  }
  out.text += "\n";
  // Lists under a key are indented one level, as `kubectl` and most tools write them.
  if (Array.isArray(value)) writeList(out, value, `${indent}  `);
  else writeMap(out, value as Record<string, unknown>, `${indent}  `, sortedKeys(value as Record<string, unknown>));
}

/** The keys of a map's present values, in code-unit order. */
function sortedKeys(map: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const key in map) if (Object.hasOwn(map, key) && present(map[key])) keys.push(key);
  return sortCodeUnits(keys);
}

function writeMap(out: Out, map: Record<string, unknown>, indent: string, keys: readonly string[], firstInline = false): void {
  keys.forEach((key, index) => {
    out.text += index === 0 && firstInline ? `${keyText(key)}:` : `${indent}${keyText(key)}:`;
    writeValue(out, map[key], indent);
  });
}

function writeList(out: Out, list: readonly unknown[], indent: string): void {
  for (const item of list) {
    if (!present(item)) continue;
    if (isCollection(item) && !Array.isArray(item) && !isEmptyCollection(item)) {
      // `- key: value` with the map's other keys aligned under the first.
      out.text += `${indent}- `;
      const map = item as Record<string, unknown>;
      writeMap(out, map, `${indent}  `, sortedKeys(map), true);
    } else if (Array.isArray(item) && !isEmptyCollection(item)) {
      out.text += `${indent}-\n`;
      writeList(out, item, `${indent}  `);
    } else {
      out.text += `${indent}-`;
      writeValue(out, item, indent);
    }
  }
}

/**
 * Writes a manifest as YAML in canonical form: `apiVersion`, `kind`, `metadata` first, every other key at every depth
 * in code-unit order, `null` and `undefined` dropped, no anchors, no line wrapping, strings quoted only when a YAML
 * 1.1 or 1.2 reader would take them for something else. Hand-written instead of the `yaml` package's stringify, which
 * took 40 % of a render (docs/performance.md); tests check every output parses back to the same data with `yaml`.
 */
export function emitManifest(manifest: Record<string, unknown>): string {
  const keys = sortedKeys(manifest);
  const leading = LEADING_KEYS.filter((k) => keys.includes(k));
  const rest = keys.filter((k) => !(LEADING_KEYS as readonly string[]).includes(k));
  if (keys.length === 0) return "{}\n";
  const out: Out = { text: "" };
  writeMap(out, manifest, "", [...leading, ...rest]);
  // Until first read, the text is a chain of the appended pieces, which take several times its size (a 100-service
  // render kept 40 MiB more): reading a character makes V8 join them into one flat string now.
  out.text.charCodeAt(0);
  return out.text;
}
