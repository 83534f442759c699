import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type Pair, type Tags } from "yaml";
import { segmentText, type FieldPath } from "../field-path.ts";
import { parseBlockYaml, plainScalarResolver } from "./block-yaml.ts";

/** A YAML file to validate: its name (as reported) and its text. */
export interface ManifestSource {
  readonly file: string;
  readonly content: string;
  /**
   * The file's documents as data, when the caller already holds them because it wrote `content` from them (a
   * renderer): the text is then parsed only to locate a finding. They must be what parsing `content` gives.
   * @default parsed from `content`
   */
  readonly documents?: readonly unknown[];
}

/** A 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A YAML syntax error. */
export interface SyntaxProblem extends Position {
  readonly message: string;
}

/** One well-formed YAML document of a file. */
export interface ParsedDocument {
  /** 0-based index of the document in its file. */
  readonly index: number;
  /** The document as plain data (YAML 1.1 scalars, as kubectl reads them). */
  readonly value: unknown;
  /**
   * Where a field is: the key of the last segment that exists (or the item, for an index), so a missing field points
   * at its nearest parent.
   */
  locate(path: FieldPath): Position;
}

/** A file split into documents; a document with a syntax error is reported and left out. */
export interface ParsedSource {
  readonly file: string;
  readonly documents: readonly ParsedDocument[];
  readonly syntaxProblems: readonly SyntaxProblem[];
}

/**
 * go-yaml's float syntax (what kubectl reads manifests with), tried after removing underscores: a digit is required,
 * so `.`, `-.` and `e5` stay strings (the `yaml` library's YAML 1.1 floats read them as NaN).
 */
const GO_YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const goYamlFloatTest = { test: (text: string) => GO_YAML_FLOAT.test(text.replace(/_/g, "")) } as unknown as RegExp;

/** Whether a tag is the `yaml` library's YAML 1.1 sexagesimal (`1:30`) or timestamp tag, which go-yaml does not have. */
function isNotGoYaml(tag: Tags[number]): boolean {
  if (typeof tag === "string") return tag === "timestamp";
  return tag.tag === "tag:yaml.org,2002:timestamp" || tag.format === "TIME";
}

/** The finite float tags (not `.inf`/`.nan`), which take go-yaml's syntax. */
function isFiniteFloat(tag: Tags[number]): boolean {
  return typeof tag !== "string" && tag.tag === "tag:yaml.org,2002:float" && "test" in tag && tag.test instanceof RegExp && !tag.test.source.includes("inf");
}

/**
 * kubectl reads manifests with go-yaml, as YAML 1.1 (`yes`, `on` and `off` are booleans, `0777` is octal) but
 * without sexagesimal numbers (`1:30` is a string) and with digits required in floats (`.` is a string);
 * timestamps stay strings; duplicate keys are errors, as in the apiserver's strict decoding.
 */
export const PARSE_OPTIONS = {
  version: "1.1",
  uniqueKeys: true,
  customTags: (tags: Tags) => tags.filter((t) => !isNotGoYaml(t)).map((t) => (isFiniteFloat(t) ? { ...(t as object), test: goYamlFloatTest } : t)) as Tags,
} as const;

/** The key at the start of `text`: quoted, or plain up to its colon. */
const KEY_AT = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\n]*?))\s*:(?:\s|$)/;

/** The block-style reader's options: plain scalars resolved by the `yaml` library's tags under {@link PARSE_OPTIONS}. */
const BLOCK_YAML_OPTIONS = { resolvePlain: plainScalarResolver(PARSE_OPTIONS) };

/** The YAML library's message without its `at line …` suffix; duplicate keys in the apiserver's words. */
function syntaxMessage(code: string, message: string, source: string, offsets: readonly [number, number]): string {
  if (code === "DUPLICATE_KEY") {
    const match = KEY_AT.exec(source.slice(offsets[0]));
    const key = match?.[1] ?? match?.[2] ?? match?.[3] ?? source.slice(offsets[0], offsets[1]);
    return `key "${key}" already set in map`;
  }
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** The documents of a text and a line counter over it. */
interface ParsedText {
  readonly documents: readonly Document.Parsed[];
  readonly lineCounter: LineCounter;
}

function parseText(content: string): ParsedText {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(content, { ...PARSE_OPTIONS, lineCounter }) as Document.Parsed[] | { errors: unknown[] };
  return { documents: Array.isArray(parsed) ? parsed : [], lineCounter };
}

function positionIn({ lineCounter }: ParsedText, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * Splits a file into documents. Positions are looked up only for findings, so the syntax trees are not kept: a
 * file's text is parsed again, once, the first time one of its fields is located (holding every tree of a large
 * environment would cost more in garbage collection than the rare second parse).
 */
export function parseSource(source: ManifestSource): ParsedSource {
  let again: ParsedText | undefined;
  const locate = (index: number, path: FieldPath): Position => {
    again ??= parseText(source.content);
    const contents = again.documents[index]!.contents!;
    return positionIn(again, locateOffset(contents, path) ?? contents.range?.[0] ?? 0);
  };
  if (source.documents !== undefined) {
    // Already data: a renderer's own output, which parses cleanly by construction (its YAML emitter is tested so).
    const documents = source.documents.flatMap((value, index) => (value === null || value === undefined ? [] : [{ index, value, locate: (path: FieldPath) => locate(index, path) }]));
    return { file: source.file, documents, syntaxProblems: [] };
  }
  const fast = parseBlockYaml(source.content, BLOCK_YAML_OPTIONS);
  if (fast !== undefined) {
    const documents = fast.flatMap((value, index) => (value === null ? [] : [{ index, value, locate: (path: FieldPath) => locate(index, path) }]));
    return { file: source.file, documents, syntaxProblems: [] };
  }
  const first = parseText(source.content);
  const documents: ParsedDocument[] = [];
  const syntaxProblems: SyntaxProblem[] = [];
  for (const [index, document] of first.documents.entries()) {
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        syntaxProblems.push({ ...positionIn(first, error.pos[0]), message: syntaxMessage(error.code, error.message, source.content, error.pos) });
      }
      continue;
    }
    const contents = document.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) continue; // an empty document
    documents.push({ index, value: document.toJS({ maxAliasCount: 1000 }), locate: (path) => locate(index, path) });
  }
  return { file: source.file, documents, syntaxProblems };
}

function locateOffset(root: Node, path: FieldPath): number | undefined {
  let node: unknown = root;
  let offset = root.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const text = segmentText(segment);
      const pair = node.items.find((p) => keyText(p) === text);
      if (pair === undefined) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as Node | undefined;
      if (item === undefined) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset;
}
