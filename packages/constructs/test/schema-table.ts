import { expect, it } from "vitest";
import { schemaProblems, type JsonSchema, type SchemaProblem } from "../src/index.ts";

/** A document as the table changes it. */
export type Doc = Record<string, any>;

/** One row: what the change does, the change, and the exact problems the schema must report. */
export type SchemaCase = readonly [name: string, change: (document: Doc) => void, problems: readonly SchemaProblem[]];

/** Runs a table of changes to a valid document against its schema: the exact problems each change causes. */
export function schemaTable(schema: JsonSchema, valid: () => Doc, cases: readonly SchemaCase[]): void {
  it("accepts the document the builder renders", () => {
    expect(schemaProblems(schema, valid())).toEqual([]);
  });
  for (const [name, change, problems] of cases) {
    it(`refuses ${name}`, () => {
      const document = structuredClone(valid());
      change(document);
      expect(schemaProblems(schema, document)).toEqual(problems);
    });
  }
}
