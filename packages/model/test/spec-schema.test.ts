import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateSpecSchemaText, ROOT_TYPES } from "../scripts/spec-schema-generator.ts";
import { SPEC_FORMATS } from "../src/formats.ts";

const schemaFile = new URL("../src/generated/spec.schema.json", import.meta.url);
const committedText = readFileSync(schemaFile, "utf8");
const committed = JSON.parse(committedText) as { definitions: Record<string, JsonSchema> };

type JsonSchema = { [key: string]: unknown };

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every subschema (with its location), depth first. */
function* subschemas(schema: unknown, where: string): Generator<[string, JsonSchema]> {
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) yield* subschemas(item, `${where}/${i}`);
    return;
  }
  if (!isSchema(schema)) return;
  yield [where, schema];
  for (const [key, value] of Object.entries(schema)) {
    if (key === "default" || key === "enum" || key === "const" || key === "examples") continue;
    yield* subschemas(value, `${where}/${key}`);
  }
}

/**
 * The optional properties without a `default`, as `Definition.path.to.property`. An inline object under a property
 * that has a default (e.g. the `Partial<…>` fields of `ServiceOverride`) is covered by that default: its fields mean
 * "unchanged" when absent.
 */
function optionalWithoutDefault(schema: unknown, where: string, covered = false): string[] {
  if (!isSchema(schema)) return [];
  const missing: string[] = [];
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  for (const [name, property] of Object.entries(properties)) {
    if (!isSchema(property)) continue;
    const hasDefault = "default" in property;
    if (!required.has(name) && !hasDefault && !covered) missing.push(`${where}.${name}`);
    missing.push(...optionalWithoutDefault(property, `${where}.${name}`, covered || hasDefault));
  }
  for (const key of ["items", "additionalProperties"] as const) missing.push(...optionalWithoutDefault(schema[key], `${where}[]`, covered));
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) for (const branch of branches) missing.push(...optionalWithoutDefault(branch, where, covered));
  }
  return missing;
}

describe("the generated spec schema", () => {
  it("is exactly what the generator makes of the spec types (run `npm run generate` after changing src/spec)", () => {
    expect(committedText).toBe(generateSpecSchemaText());
  });

  it("has a definition for each root type", () => {
    for (const type of ROOT_TYPES) expect(committed.definitions[type], type).toMatchObject({ type: "object" });
  });

  it("gives every optional property of every object a default (the JSDoc @default of the type)", () => {
    const missing = Object.entries(committed.definitions).flatMap(([name, definition]) => optionalWithoutDefault(definition, name));
    expect(missing).toEqual([]);
  });

  it("checks enough properties for the default rule to mean something", () => {
    const optional = [...subschemas(committed.definitions, "#")].flatMap(([, schema]) => {
      const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
      return isSchema(schema.properties) ? Object.keys(schema.properties).filter((p) => !required.has(p)) : [];
    });
    expect(optional.length).toBeGreaterThan(40);
  });

  it("finds an optional property without a default (the rule's own check)", () => {
    const schema = {
      type: "object",
      properties: {
        a: { type: "string" },
        b: { type: "string", default: "x" },
        c: { type: "object", properties: { d: { type: "string" } } },
        e: { type: "object", default: "unchanged", properties: { f: { type: "string" } } },
        g: { type: "array", items: { type: "object", properties: { h: { type: "number" } }, required: [] } },
      },
      required: ["a", "c", "g"],
    };
    expect(optionalWithoutDefault(schema, "T")).toEqual(["T.c.d", "T.g[].h"]);
  });

  it("uses only formats that the validator knows (SPEC_FORMATS)", () => {
    const formats = new Set(
      [...subschemas(committed.definitions, "#")].flatMap(([, schema]) => (typeof schema.format === "string" ? [schema.format] : [])),
    );
    expect(formats.size).toBeGreaterThan(0);
    expect([...formats].filter((format) => !(format in SPEC_FORMATS))).toEqual([]);
  });
});
