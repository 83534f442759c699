import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, stringify } from "yaml";
import { parseBlockYaml, plainScalarResolver } from "../../src/parse/block-yaml.ts";
import { PARSE_OPTIONS } from "../../src/parse/parse-source.ts";

const options = { resolvePlain: plainScalarResolver(PARSE_OPTIONS) };

/** What the `yaml` library reads: every document's data, or `error` when any document has an error. */
function reference(text: string): unknown[] | "error" {
  const documents = parseAllDocuments(text, PARSE_OPTIONS);
  if (!Array.isArray(documents)) return "error";
  if (documents.some((d) => d.errors.length > 0)) return "error";
  return documents.map((d) => d.toJS({ maxAliasCount: 1000 }));
}

/** The fast reader either gives up or reads exactly what the library reads (and never accepts what it rejects). */
function expectAgreement(text: string): unknown[] | undefined {
  const fast = parseBlockYaml(text, options);
  if (fast !== undefined) expect(fast, JSON.stringify(text)).toStrictEqual(reference(text));
  return fast;
}

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

describe("parseBlockYaml", () => {
  it("reads every rendered manifest of the sample platform, exactly as the yaml library does", () => {
    const files = yamlFiles(join(repoRoot, "environments"));
    expect(files.length).toBeGreaterThan(500);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(expectAgreement(text), file).not.toBeUndefined();
    }
  });

  it("reads the real-world manifests when ../shared is there, and agrees wherever it does not give up", () => {
    const files = yamlFiles(join(repoRoot, "../shared/corpus")).filter((f) => !f.includes("/templates/"));
    for (const file of files) expectAgreement(readFileSync(file, "utf8"));
  });

  it.each<[string, string, unknown[]]>([
    ["an empty text", "", []],
    ["comments only", "# a\n# b\n", []],
    ["a lone marker", "---\n", [null]],
    ["a trailing marker", "a: 1\n---\n", [{ a: 1 }, null]],
    ["a marker with a comment", "a: 1\n--- # next\nb: 2\n", [{ a: 1 }, { b: 2 }]],
    ["YAML 1.1 scalars as kubectl reads them", "a: yes\nb: off\nc: 0777\nd: 1_000\ne: ~\nf: 1:30\ng: .inf\nh: 2001-12-14\ni: 0x1F\nj: '0777'\nk: .\nl: e5\nm: 1.5e3\np: -.5\n", [{ a: true, b: false, c: 511, d: 1000, e: null, f: "1:30", g: Infinity, h: "2001-12-14", i: 31, j: "0777", k: ".", l: "e5", m: 1500, p: -0.5 }]],
    ["compact sequences under keys", "a:\n- 1\n- x: 2\n  z: [3, \"4\"]\nb: {}\n", [{ a: [1, { x: 2, z: [3, "4"] }], b: {} }]],
    ["nested sequences", "- - a\n  - b\n-\n  - c\n- \n", [[["a", "b"], ["c"], null]]],
    ["literal blocks", "a: |\n  x\n\n   y\n\nb: |-\n  z\nc: |+\n  w\n\nd: |2\n    v\n", [{ a: "x\n\n y\n", b: "z", c: "w\n\n", d: "  v\n" }]],
    ["quoted keys and escapes", "\"a b\": \"c\\td\\u00e9\"\n'e''f': 'g''h'\n", [{ "a b": "c\td\u00e9", "e'f": "g'h" }]],
    ["comments after values", "a: b # c\nd: \"e\" # f\ng: h#i\n", [{ a: "b", d: "e", g: "h#i" }]],
    ["URLs and colons in plain scalars", "a: http://x:8080/y\n- b\n".slice(0, 19), [{ a: "http://x:8080/y" }]],
  ])("reads %s", (_, text, expected) => {
    expect(expectAgreement(text)).toStrictEqual(expected);
  });

  it.each<[string, string]>([
    ["anchors and aliases", "a: &x 1\nb: *x\n"],
    ["tags", "a: !!str 1\n"],
    ["folded scalars", "a: >\n  x\n  y\n"],
    ["multi-line plain scalars", "a: x\n  y\n"],
    ["multi-line quoted scalars", 'a: "x\n  y"\n'],
    ["merge keys", "a: &b {x: 1}\nc:\n  <<: *b\n"],
    ["duplicate keys", "a: 1\na: 2\n"],
    ["non-string keys", "1: a\nyes: b\n"],
    ["keys that YAML 1.1 reads as booleans", "x: 1\ny: 2\n"],
    ["complex keys", "? a\n: b\n"],
    ["tabs in indentation", "a:\n\tb: 1\n"],
    ["a bad indentation", "a: 1\n  b: 2\n"],
    ["nested flow collections", "a: [[1]]\n"],
    ["a directive", "%YAML 1.1\n---\na: 1\n"],
    ["a document end marker", "a: 1\n...\n"],
    ["carriage returns", "a: 1\r\nb: 2\r\n"],
    ["a comment glued to a block scalar header", "|#: x\na: 1\n"],
    ["a blank line with a tab after a block scalar", "a: |\n    x\n  \t\nb: 1\n"],
  ])("gives %s to the yaml library", (_, text) => {
    expect(parseBlockYaml(text, options)).toBeUndefined();
  });

  const key = fc.oneof(fc.constantFrom("a", "b", "name", "app.kubernetes.io/name", "x-y", "on", "1", "a b", "k: v", "#", "-", "__proto__", "<<"), fc.string({ maxLength: 6 }));
  const scalar = fc.oneof(
    fc.constantFrom("yes", "no", "on", "0777", "1:30", "~", "null", "", " ", "a: b", "# c", "- d", "'", '"', "\\", "\t", "x\ny", "x\n", "\n", "1e3", ".5", "-1", "+1", "0x1F", "1_000", "2001-12-14", "a #b", "a#b", "é", "\u2028"),
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, scalar, tie("list"), tie("map")),
    list: fc.array(tie("node"), { maxLength: 4 }),
    map: fc.dictionary(key, tie("node"), { maxKeys: 4 }),
  })).node;
  const style = fc.record({
    indent: fc.constantFrom(2, 4),
    indentSeq: fc.boolean(),
    flowLevel: fc.constantFrom(-1, 1, 2),
    defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL"),
    defaultKeyType: fc.constantFrom(null, "PLAIN", "QUOTE_DOUBLE"),
  });

  it("agrees with the yaml library on generated documents in many styles (property)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), style, (documents, s) => {
        const text = documents
          .map((d) =>
            stringify(d, {
              version: "1.1",
              lineWidth: 0,
              indent: s.indent,
              indentSeq: s.indentSeq,
              ...(s.flowLevel >= 0 ? { collectionStyle: "block" as const } : {}),
              defaultStringType: s.defaultStringType as "PLAIN",
              defaultKeyType: s.defaultKeyType as "PLAIN" | null,
            }),
          )
          .join("---\n");
        if (expectAgreement(text) !== undefined) accepted++;
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it("never accepts what the yaml library rejects, nor reads it differently, on mutated manifests (property)", () => {
    const seeds = yamlFiles(join(repoRoot, "environments")).slice(0, 40).map((f) => readFileSync(f, "utf8"));
    const piece = fc.constantFrom(": ", ":", "- ", "-", " ", "  ", "\n", "\n  ", "#", " #", '"', "'", "|", "|-", "[", "]", "{", "}", ",", "\t", "&a ", "*a", "!", "?", "---\n", "...\n", "\\", "yes", "0777");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(fc.tuple(fc.nat(), piece, fc.nat({ max: 3 })), { minLength: 1, maxLength: 3 }), (seed, edits) => {
        let text = seeds[seed]!;
        for (const [at, insert, remove] of edits) {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + insert + text.slice(position + remove);
        }
        expectAgreement(text);
      }),
      { numRuns: 4000 },
    );
  });
});
