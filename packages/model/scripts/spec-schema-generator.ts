import { fileURLToPath } from "node:url";
import { createGenerator, type Config } from "ts-json-schema-generator";

/** The spec types whose JSON Schema is generated; every other definition is reached from these. */
export const ROOT_TYPES = ["ServiceSpec", "TenantSpec", "EnvironmentSpec"] as const;

const specIndex = fileURLToPath(new URL("../src/spec/index.ts", import.meta.url));
const tsconfig = fileURLToPath(new URL("../tsconfig.json", import.meta.url));

/**
 * Generates the JSON Schema of the spec types from their TypeScript declarations (the one source of both), as the
 * exact text committed in `src/generated/spec.schema.json`.
 */
export function generateSpecSchemaText(): string {
  const definitions: Record<string, unknown> = {};
  for (const type of ROOT_TYPES) {
    const config: Config = {
      path: specIndex,
      tsconfig,
      type,
      expose: "export",
      topRef: true,
      jsDoc: "extended",
      additionalProperties: false,
      sortProps: true,
      skipTypeCheck: true,
    };
    const schema = createGenerator(config).createSchema(type);
    Object.assign(definitions, schema.definitions ?? {});
  }
  const sorted = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
  const document = {
    $schema: "http://json-schema.org/draft-07/schema#",
    $comment: "Generated from packages/model/src/spec/*.ts by `npm run generate`; do not edit.",
    definitions: sorted,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
