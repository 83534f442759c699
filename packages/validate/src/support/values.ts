/** Narrowing helpers for data read from YAML: rules never trust a field's type (the schema layer reports it). */
import type { PathSegment } from "../field-path.ts";

/** A plain object (not an array, not null). */
export type PlainObject = Record<string, unknown>;

export function isObject(value: unknown): value is PlainObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a field is set: neither missing nor `null` (a non-nil Go pointer, or a proto message field that is present). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** `value` when it is a plain object, else `undefined`. */
export function asObject(value: unknown): PlainObject | undefined {
  return isObject(value) ? value : undefined;
}

/** `value` when it is an array, else an empty array. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `value` when it is a string, else `undefined`. */
export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** `value` when it is a finite number, else `undefined`. */
export function asNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** A map of strings (labels, selectors); entries whose value is not a string are left out. */
export function asStringMap(value: unknown): Readonly<Record<string, string>> {
  const object = asObject(value);
  if (object === undefined) return {};
  return Object.fromEntries(Object.entries(object).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** The value at `path` under `root`, or `undefined`. */
export function at(root: unknown, ...path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof segment === "number") value = Array.isArray(value) ? value[segment] : undefined;
    else value = isObject(value) ? value[typeof segment === "object" ? segment.key : segment] : undefined;
    if (value === undefined) return undefined;
  }
  return value;
}

/** A value as the apiserver quotes it in messages: strings in double quotes, everything else as JSON. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
