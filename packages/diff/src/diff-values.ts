import { compareStrings } from "@cloudlab/model";
import type { FieldChange, JsonValue } from "./field-change.ts";
import { uniqueListKeys } from "./list-item-key.ts";

type JsonRecord = { readonly [key: string]: JsonValue };

function isRecord(value: JsonValue | undefined): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Structural equality of two JSON values (key order does not matter). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && jsonEqual(a[key], b[key]));
  }
  return false;
}

/** `a.b`, or `a["b.c/d"]` for a key that is not a plain word. */
function childPath(path: string, key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

/** `a[name]`, or `a["1"]` for a name that could be read as an index or holds brackets or quotes. */
function namedItemPath(path: string, name: string): string {
  return /^[A-Za-z_][^[\]"]*$/.test(name) ? `${path}[${name}]` : `${path}[${JSON.stringify(name)}]`;
}

function change(path: string, before: JsonValue | undefined, after: JsonValue | undefined): FieldChange {
  return { path, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
}

/** Above this many item comparisons, unnamed lists are aligned by index instead of by content. */
const MAX_ALIGNMENT_CELLS = 250_000;

/** The index pairs of a longest common subsequence of equal items, ascending. */
function commonItems(before: readonly JsonValue[], after: readonly JsonValue[]): [number, number][] {
  const n = before.length;
  const m = after.length;
  if (n * m > MAX_ALIGNMENT_CELLS) return [];
  // lengths[i][j]: the LCS length of before[i..] and after[j..].
  const lengths = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i]![j] = jsonEqual(before[i], after[j]) ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (jsonEqual(before[i], after[j])) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function diffNamedLists(
  before: readonly JsonValue[],
  after: readonly JsonValue[],
  beforeKeys: readonly string[],
  afterKeys: readonly string[],
  path: string,
  out: FieldChange[],
): void {
  for (const [j, key] of afterKeys.entries()) {
    const i = beforeKeys.indexOf(key);
    if (i < 0) out.push(change(namedItemPath(path, key), undefined, after[j]));
    else walk(before[i], after[j], namedItemPath(path, key), out);
  }
  for (const [i, key] of beforeKeys.entries()) {
    if (!afterKeys.includes(key)) out.push(change(namedItemPath(path, key), before[i], undefined));
  }
  // Order can matter (an env var may refer to an earlier one): a reordering of the items both lists hold is a change.
  const keptBefore = beforeKeys.filter((key) => afterKeys.includes(key));
  const keptAfter = afterKeys.filter((key) => beforeKeys.includes(key));
  if (!jsonEqual(keptBefore, keptAfter)) out.push(change(`${path} (order)`, keptBefore, keptAfter));
}

/**
 * Lists without names are aligned on their equal items; between two aligned items, the items left on both sides are
 * compared pairwise, and the rest are removed or added.
 */
function diffUnnamedLists(before: readonly JsonValue[], after: readonly JsonValue[], path: string, out: FieldChange[]): void {
  const anchors = [...commonItems(before, after), [before.length, after.length] as [number, number]];
  let i = 0;
  let j = 0;
  for (const [anchorBefore, anchorAfter] of anchors) {
    const removed = anchorBefore - i;
    const added = anchorAfter - j;
    const paired = Math.min(removed, added);
    for (let k = 0; k < paired; k++) walk(before[i + k], after[j + k], `${path}[${j + k}]`, out);
    for (let k = paired; k < removed; k++) out.push(change(`${path}[${i + k}]`, before[i + k], undefined));
    for (let k = paired; k < added; k++) out.push(change(`${path}[${j + k}]`, undefined, after[j + k]));
    i = anchorBefore + 1;
    j = anchorAfter + 1;
  }
}

/** Whether a value is a non-empty list of named items (listed item by item when the whole list appears or goes). */
function isNamedList(value: JsonValue | undefined): value is readonly JsonValue[] {
  return Array.isArray(value) && value.length > 0 && uniqueListKeys(value) !== undefined;
}

function walk(before: JsonValue | undefined, after: JsonValue | undefined, path: string, out: FieldChange[]): void {
  if (jsonEqual(before, after)) return;
  // A list of named items that appears or goes (a first env var, the last volume) is shown item by item.
  if (before === undefined && isNamedList(after)) before = [];
  if (after === undefined && isNamedList(before)) after = [];
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareStrings);
    for (const key of keys) walk(before[key], after[key], childPath(path, key), out);
    return;
  }
  if (typeof before === "string" && typeof after === "string" && diffText(before, after, path, out)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    const beforeKeys = uniqueListKeys(before);
    const afterKeys = uniqueListKeys(after);
    if (beforeKeys !== undefined && afterKeys !== undefined && (beforeKeys.length > 0 || afterKeys.length > 0)) {
      diffNamedLists(before, after, beforeKeys, afterKeys, path, out);
    } else {
      diffUnnamedLists(before, after, path, out);
    }
    return;
  }
  out.push(change(path, before, after));
}

/** A string's value as JSON, when it is a JSON object or array (a dashboard in a ConfigMap); undefined otherwise. */
function embeddedJson(text: string): JsonValue | undefined {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/**
 * Two versions of a string that holds a document: JSON in both is compared as JSON (`path(json).panels[0].title`);
 * text of several lines is compared line by line (`path(line 12)`, the new line's number, or the old one's for a
 * removed line). False for other strings, which are one change.
 */
function diffText(before: string, after: string, path: string, out: FieldChange[]): boolean {
  const beforeJson = embeddedJson(before);
  const afterJson = embeddedJson(after);
  if (beforeJson !== undefined && afterJson !== undefined) {
    walk(beforeJson, afterJson, `${path}(json)`, out);
    return true;
  }
  if (!before.includes("\n") && !after.includes("\n")) return false;
  const lines = (text: string) => (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");
  const changes: FieldChange[] = [];
  diffUnnamedLists(lines(before), lines(after), "", changes);
  for (const c of changes) {
    const index = Number(/^\[(\d+)\]$/.exec(c.path)![1]);
    out.push(change(`${path}(line ${index + 1})`, c.before, c.after));
  }
  if (changes.length === 0) out.push(change(`${path}(final newline)`, before.endsWith("\n"), after.endsWith("\n")));
  return true;
}

/**
 * The differences between two versions of an object, as field paths with old and new values. Keys are visited in
 * sorted order; lists of named items are matched by name, other lists by content; a string holding JSON or several
 * lines is compared inside; a value whose type changed is one change.
 */
export function diffValues(before: JsonValue | undefined, after: JsonValue | undefined): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, "", out);
  return out;
}
