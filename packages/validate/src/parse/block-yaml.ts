import { Document, isScalar, type Tags } from "yaml";

/**
 * A fast reader for the block-style YAML that Kubernetes manifests are nearly always written in: block mappings and
 * sequences, plain, single- and double-quoted one-line scalars, literal block scalars (`|`, `|-`, `|+`) and one-line
 * flow collections of scalars. It returns the documents as plain data exactly as the `yaml` library's
 * `parseAllDocuments(…).map(d => d.toJS())` would under the gate's options (YAML 1.1 scalars, no timestamps), or
 * `undefined` as soon as it meets anything else — anchors, tags, folded or multi-line scalars, complex keys, duplicate
 * keys, tabs in indentation, a syntax error — so the caller falls back to the `yaml` library, which also reports the
 * errors. Plain scalars are resolved by the `yaml` library's own YAML 1.1 tags.
 *
 * Why it exists: parsing was two thirds of `cloudlab validate`'s time (the `yaml` library builds a concrete syntax tree,
 * then document nodes, then the data); this reader builds the data directly (see docs/performance.md for the figures).
 * A differential test compares the two on every manifest of the sample platform and on generated documents.
 */
export function parseBlockYaml(content: string, options: BlockYamlOptions): unknown[] | undefined {
  if (content.includes("\r") || content.charCodeAt(0) === 0xfeff) return undefined;
  try {
    return new BlockYamlReader(content, options.resolvePlain).documents();
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

/** How plain scalars become values. */
export interface BlockYamlOptions {
  /** The value of a plain (unquoted) scalar, as the `yaml` library resolves it. */
  readonly resolvePlain: (text: string) => unknown;
}

/** A plain-scalar resolver from a `yaml` schema: the first default tag whose test matches, else the string. */
export function plainScalarResolver(schemaOptions: { readonly version: "1.1" | "1.2"; readonly customTags?: (tags: Tags) => Tags }): (text: string) => unknown {
  const schema = new Document(null, schemaOptions).schema;
  const tags = schema.tags.filter((t) => t.default === true && "test" in t && typeof (t.test as { test?: unknown } | undefined)?.test === "function" && typeof t.resolve === "function") as unknown as {
    test: { test(text: string): boolean };
    resolve: (text: string, onError: (message: string) => void, options: object) => unknown;
  }[];
  const cache = new Map<string, unknown>();
  const resolveOptions = { intAsBigInt: false };
  return (text) => {
    if (cache.has(text)) return cache.get(text);
    let value: unknown = text;
    let failed = false;
    for (const tag of tags) {
      if (!tag.test.test(text)) continue;
      const resolved = tag.resolve(text, () => (failed = true), resolveOptions);
      value = isScalar(resolved) ? resolved.value : resolved;
      break;
    }
    if (failed) throw BAIL;
    if (cache.size < 10_000) cache.set(text, value);
    return value;
  };
}

/** Thrown to give up on a text; never escapes {@link parseBlockYaml}. */
const BAIL: unique symbol = Symbol("bail");

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;

/** Characters that may not start a plain scalar here (YAML's indicators, except `-` followed by a non-space). */
const PLAIN_START_FORBIDDEN = new Set("?:,[]{}#&*!|>'\"%@`".split("").map((c) => c.charCodeAt(0)));

class BlockYamlReader {
  private readonly lines: string[];
  /** Indentation of each line, or -1 for a blank or comment-only line. */
  private readonly indents: number[];
  private line = 0;
  /** Whether the text ends with a line break (a block scalar that runs to the end of the text needs one). */
  private readonly endsWithNewline: boolean;
  /** The last line (exclusive) of the document being read. */
  private end = 0;

  public constructor(
    content: string,
    private readonly resolvePlain: (text: string) => unknown,
  ) {
    this.lines = content.split("\n");
    this.endsWithNewline = content.endsWith("\n");
    if (this.endsWithNewline) this.lines.pop();
    this.indents = this.lines.map(indentOf);
  }

  public documents(): unknown[] {
    const documents: unknown[] = [];
    let start = 0;
    let explicit = false;
    for (let i = 0; i <= this.lines.length; i++) {
      const text = i < this.lines.length ? this.lines[i]! : undefined;
      if (text !== undefined && text.charCodeAt(0) === 0x25 /* % */) throw BAIL;
      if (text !== undefined && text.startsWith("...") && (text.length === 3 || text.charCodeAt(3) === SPACE)) throw BAIL;
      const marker = text !== undefined && text.startsWith("---") && (text.length === 3 || text.charCodeAt(3) === SPACE);
      if (!marker && text !== undefined) continue;
      if (marker && !/^---\s*(#.*)?$/.test(text!)) throw BAIL;
      const hasContent = this.hasContent(start, i);
      if (explicit || hasContent) documents.push(hasContent ? this.document(start, i) : null);
      explicit = marker;
      start = i + 1;
    }
    return documents;
  }

  private hasContent(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.indents[i] !== -1) return true;
    return false;
  }

  private document(from: number, to: number): unknown {
    this.line = from;
    this.end = to;
    this.skipBlank();
    const indent = this.indents[this.line]!;
    const value = this.blockNode(indent, -1);
    this.skipBlank();
    if (this.line < this.end) throw BAIL;
    return value;
  }

  private skipBlank(): void {
    while (this.line < this.end && this.indents[this.line] === -1) this.line++;
  }

  /** The next line with content (or `end`), without moving. */
  private nextContent(from: number): number {
    let i = from;
    while (i < this.end && this.indents[i] === -1) i++;
    return i;
  }

  /** A block node whose first token is at column `column` of the current line, inside a node indented `parentIndent` (-1 at the top). */
  private blockNode(column: number, parentIndent: number): unknown {
    const text = this.lines[this.line]!;
    if (isSequenceEntry(text, column)) return this.sequence(column);
    if (splitKey(text, column) !== undefined) return this.mapping(column);
    // A lone scalar as a whole node (a document that is just a scalar, or a sequence item's continuation line).
    const value = this.inlineValue(text, column, parentIndent);
    return value;
  }

  private sequence(column: number): unknown[] {
    const items: unknown[] = [];
    for (;;) {
      const text = this.lines[this.line]!;
      let content = column + 1;
      while (text.charCodeAt(content) === SPACE) content++;
      if (content >= text.length || text.charCodeAt(content) === HASH) {
        // `-` alone: the item is the block below, or null.
        const next = this.nextContent(this.line + 1);
        if (next < this.end && this.indents[next]! > column) {
          this.line = next;
          items.push(this.blockNode(this.indents[next]!, column));
        } else {
          this.line++;
          items.push(null);
        }
      } else if (isSequenceEntry(text, content) || splitKey(text, content) !== undefined) {
        items.push(this.blockNode(content, column));
      } else {
        items.push(this.inlineValue(text, content, column));
      }
      this.skipBlank();
      if (this.line >= this.end) return items;
      const indent = this.indents[this.line]!;
      if (indent < column) return items;
      if (indent > column) throw BAIL;
      if (!isSequenceEntry(this.lines[this.line]!, column)) return items; // a mapping's compact sequence ends here
    }
  }

  private mapping(column: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (;;) {
      const text = this.lines[this.line]!;
      const split = splitKey(text, column);
      if (split === undefined) throw BAIL;
      const key = split.quoted ? split.key : this.plainKey(split.key);
      if (key === "__proto__" || key === "<<" || Object.prototype.hasOwnProperty.call(map, key)) throw BAIL;
      let rest = split.valueStart;
      while (text.charCodeAt(rest) === SPACE) rest++;
      if (rest >= text.length || text.charCodeAt(rest) === HASH) {
        if (rest < text.length && text.charCodeAt(rest - 1) !== SPACE) throw BAIL;
        const next = this.nextContent(this.line + 1);
        if (next < this.end && this.indents[next]! > column) {
          this.line = next;
          map[key] = this.blockNode(this.indents[next]!, column);
        } else if (next < this.end && this.indents[next] === column && isSequenceEntry(this.lines[next]!, column)) {
          this.line = next;
          map[key] = this.sequence(column);
        } else {
          this.line++;
          map[key] = null;
        }
      } else {
        map[key] = this.inlineValue(text, rest, column);
      }
      this.skipBlank();
      if (this.line >= this.end) return map;
      const indent = this.indents[this.line]!;
      if (indent < column) return map;
      if (indent > column) throw BAIL;
    }
  }

  private plainKey(text: string): string {
    const value = this.resolvePlain(text);
    if (typeof value !== "string") throw BAIL; // `yes:`, `1:`, `null:`: keys the library turns into other strings
    return value;
  }

  /**
   * A value that starts at `column` of the current line (after `key: ` or `- `): a scalar, a one-line flow collection
   * or a literal block scalar. Moves past it.
   */
  private inlineValue(text: string, column: number, parentIndent: number): unknown {
    const first = text.charCodeAt(column);
    if (first === 0x7c /* | */) return this.literalBlock(text.slice(column), parentIndent);
    let value: unknown;
    let after: number;
    if (first === 0x22 /* " */) [value, after] = doubleQuoted(text, column);
    else if (first === 0x27 /* ' */) [value, after] = singleQuoted(text, column);
    else if (first === 0x5b /* [ */ || first === 0x7b /* { */) [value, after] = this.flow(text, column);
    else {
      if (PLAIN_START_FORBIDDEN.has(first) || (first === DASH && (column + 1 >= text.length || text.charCodeAt(column + 1) === SPACE))) throw BAIL;
      const end = plainEnd(text, column);
      const plain = trimSpaces(text.slice(column, end));
      if (plain.includes(": ") || plain.endsWith(":") || plain.includes("\t")) throw BAIL;
      value = this.resolvePlain(plain);
      after = end;
      // A more indented line with content after a plain scalar continues it (a multi-line plain scalar).
      const next = this.nextContent(this.line + 1);
      if (next < this.end && this.indents[next]! > parentIndent) throw BAIL;
    }
    if (!restIsComment(text, after)) throw BAIL;
    this.line++;
    return value;
  }

  /** A one-line flow sequence or mapping of scalars (`[]`, `{}`, `[a, "b"]`, `{k: v}`). */
  private flow(text: string, column: number): [unknown, number] {
    const isMap = text.charCodeAt(column) === 0x7b;
    const close = isMap ? 0x7d : 0x5d;
    const items: unknown[] = [];
    const map: Record<string, unknown> = {};
    let i = column + 1;
    const skip = () => {
      while (text.charCodeAt(i) === SPACE) i++;
    };
    const scalar = (): unknown => {
      skip();
      const c = text.charCodeAt(i);
      if (c === 0x22 || c === 0x27) {
        const [value, after] = c === 0x22 ? doubleQuoted(text, i) : singleQuoted(text, i);
        i = after;
        return value;
      }
      let j = i;
      while (j < text.length && !",[]{}#:".includes(text[j]!)) j++;
      if (text[j] === ":" && j + 1 < text.length && text[j + 1] !== " " && text[j + 1] !== ",") throw BAIL;
      const plain = trimSpaces(text.slice(i, j));
      if (plain === "" || PLAIN_START_FORBIDDEN.has(plain.charCodeAt(0)) || plain === "-" || plain.includes("\t")) throw BAIL;
      i = j;
      return this.resolvePlain(plain);
    };
    skip();
    if (text.charCodeAt(i) === close) return [isMap ? map : items, i + 1];
    for (;;) {
      if (isMap) {
        const key = scalar();
        if (typeof key !== "string" || key === "__proto__" || key === "<<" || Object.prototype.hasOwnProperty.call(map, key)) throw BAIL;
        skip();
        if (text[i] !== ":") throw BAIL;
        i++;
        map[key] = scalar();
      } else items.push(scalar());
      skip();
      const c = text.charCodeAt(i);
      if (c === close) return [isMap ? map : items, i + 1];
      if (c !== 0x2c /* , */) throw BAIL;
      i++;
      skip();
      if (text.charCodeAt(i) === close) throw BAIL; // a trailing comma: leave it to the library
    }
  }

  /** A literal block scalar (`|`, `|-`, `|+`, with an optional indentation indicator) under a node at `parentIndent`. */
  private literalBlock(header: string, parentIndent: number): string {
    // A comment after the header needs a space before its `#`.
    const match = /^\|([+-]?)([1-9]?)([+-]?)(?:[ ]+(?:#.*)?)?$/.exec(header);
    if (match === null || (match[1] !== "" && match[3] !== "")) throw BAIL;
    const chomp = match[1] || match[3];
    if (match[2] !== "" && parentIndent < 0) throw BAIL;
    let blockIndent = match[2] === "" ? -1 : parentIndent + Number(match[2]);
    const body: string[] = [];
    let i = this.line + 1;
    let leadingBlankMax = 0;
    for (; i < this.end; i++) {
      const text = this.lines[i]!;
      const spaces = leadingSpaces(text);
      const blank = spaces === text.length;
      if (blockIndent === -1) {
        if (blank) {
          leadingBlankMax = Math.max(leadingBlankMax, spaces);
          body.push("");
          continue;
        }
        if (spaces <= parentIndent) break;
        if (leadingBlankMax > spaces) throw BAIL;
        if (text.charCodeAt(spaces) === 0x09) throw BAIL;
        blockIndent = spaces;
      }
      if (blank) {
        body.push(spaces > blockIndent ? text.slice(blockIndent) : "");
        continue;
      }
      if (spaces < blockIndent) break;
      body.push(text.slice(blockIndent));
    }
    if (blockIndent === -1 || body.every((l) => l === "")) {
      // No content line: every line read was blank.
      if (chomp === "+") throw BAIL;
      this.line = i;
      return "";
    }
    // Lines past the body that are blank belong to the document, not the scalar, unless kept: count trailing blanks.
    if (i === this.lines.length && !this.endsWithNewline) throw BAIL;
    let last = body.length;
    while (last > 0 && body[last - 1] === "") last--;
    const content = body.slice(0, last);
    const trailing = body.length - last;
    this.line = i;
    if (content.some((l) => l.includes("\t") && l.startsWith("\t"))) throw BAIL;
    const text = content.join("\n");
    if (chomp === "-") return text;
    if (chomp === "+") return `${text}\n${"\n".repeat(trailing)}`;
    return `${text}\n`;
  }
}

/** The text without leading and trailing spaces (YAML's white space here; JavaScript's `trim` takes more). */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === SPACE) start++;
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  return text.slice(start, end);
}

function leadingSpaces(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** A line's indentation, or -1 when it is blank or only a comment; gives up on a tab in the indentation. */
function indentOf(text: string): number {
  const spaces = leadingSpaces(text);
  if (spaces === text.length) return -1;
  const c = text.charCodeAt(spaces);
  // A tab in a line's leading white space (even on a blank line, where the library's rules depend on the context):
  // leave the text to the library.
  if (c === 0x09) throw BAIL;
  return c === HASH ? -1 : spaces;
}

function isSequenceEntry(text: string, column: number): boolean {
  return text.charCodeAt(column) === DASH && (column + 1 === text.length || text.charCodeAt(column + 1) === SPACE);
}

/** Where a plain scalar on one line ends: at ` #` or the end of the line. */
function plainEnd(text: string, from: number): number {
  const comment = text.indexOf(" #", from);
  return comment === -1 ? text.length : comment;
}

/** Whether only spaces and a comment (` #…`) follow `from`. */
function restIsComment(text: string, from: number): boolean {
  let i = from;
  while (text.charCodeAt(i) === SPACE) i++;
  if (i >= text.length) return true;
  return text.charCodeAt(i) === HASH && i > from;
}

/**
 * The key of a mapping entry starting at `column` (quoted, or plain up to `: ` or a final `:`), and where its value
 * starts; `undefined` when the line there is not a `key: value` entry.
 */
function splitKey(text: string, column: number): { key: string; quoted: boolean; valueStart: number } | undefined {
  const first = text.charCodeAt(column);
  if (first === 0x22 || first === 0x27) {
    let parsed: [string, number];
    try {
      parsed = first === 0x22 ? doubleQuoted(text, column) : singleQuoted(text, column);
    } catch {
      return undefined;
    }
    const [key, after] = parsed;
    let i = after;
    while (text.charCodeAt(i) === SPACE) i++;
    if (text.charCodeAt(i) !== 0x3a /* : */) return undefined;
    if (i + 1 < text.length && text.charCodeAt(i + 1) !== SPACE) return undefined;
    return { key, quoted: true, valueStart: i + 1 };
  }
  if (PLAIN_START_FORBIDDEN.has(first) || first === DASH) return undefined;
  const end = plainEnd(text, column);
  let colon = text.indexOf(": ", column);
  if (colon === -1 || colon >= end) {
    const trimmed = trimSpaces(text.slice(column, end));
    if (!trimmed.endsWith(":")) return undefined;
    colon = column + trimmed.length - 1;
  }
  const key = trimSpaces(text.slice(column, colon));
  if (key === "" || key.includes("\t") || key.includes(" #")) throw BAIL;
  return { key, quoted: false, valueStart: colon + 1 };
}

const ESCAPES: Readonly<Record<string, string>> = { "\\": "\\", '"': '"', "/": "/", n: "\n", t: "\t", r: "\r", "0": "\0", b: "\b", f: "\f", a: "\x07", v: "\v", e: "\x1b", " ": " ", N: "\u0085", _: "\u00a0", L: "\u2028", P: "\u2029" };

/** A one-line double-quoted scalar starting at `from`: its value and the index after the closing quote. */
function doubleQuoted(text: string, from: number): [string, number] {
  let out = "";
  let i = from + 1;
  for (;;) {
    const close = text.indexOf('"', i);
    const escape = text.indexOf("\\", i);
    if (close === -1) throw BAIL; // continues on the next line
    const raw = text.slice(i, escape === -1 || close < escape ? close : escape);
    if (raw.includes("\t")) throw BAIL; // literal tabs: leave white-space folding rules to the library
    out += raw;
    if (escape === -1 || close < escape) return [out, close + 1];
    const code = text[escape + 1];
    if (code === undefined) throw BAIL;
    const hexLength = code === "x" ? 2 : code === "u" ? 4 : code === "U" ? 8 : 0;
    if (hexLength > 0) {
      const hex = text.slice(escape + 2, escape + 2 + hexLength);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== hexLength) throw BAIL;
      const point = parseInt(hex, 16);
      if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) throw BAIL;
      out += String.fromCodePoint(point);
      i = escape + 2 + hexLength;
      continue;
    }
    const replacement = ESCAPES[code];
    if (replacement === undefined) throw BAIL;
    out += replacement;
    i = escape + 2;
  }
}

/** A one-line single-quoted scalar starting at `from` (`''` is a quote). */
function singleQuoted(text: string, from: number): [string, number] {
  let out = "";
  let i = from + 1;
  for (;;) {
    const close = text.indexOf("'", i);
    if (close === -1) throw BAIL;
    out += text.slice(i, close);
    if (text.charCodeAt(close + 1) === 0x27) {
      out += "'";
      i = close + 2;
      continue;
    }
    if (out.includes("\t")) throw BAIL;
    return [out, close + 1];
  }
}
