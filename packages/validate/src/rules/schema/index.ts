import type { Rule } from "../../rule.ts";
import { schema } from "./schema.rule.ts";
import { typeMeta } from "./type-meta.rule.ts";
import { unknownField } from "./unknown-field.rule.ts";
import { unknownKind } from "./unknown-kind.rule.ts";

/** The rules of `rules/schema/`, in the order they run. */
export const SCHEMA_RULES: readonly Rule[] = [typeMeta, unknownKind, schema, unknownField];
