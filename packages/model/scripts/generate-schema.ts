import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateSpecSchemaText } from "./spec-schema-generator.ts";

const target = fileURLToPath(new URL("../src/generated/spec.schema.json", import.meta.url));
writeFileSync(target, generateSpecSchemaText());
