import type { PathSegment } from "../field-path.ts";
import type { RuleProblem } from "../rule.ts";
import { invalid, notSupported, required } from "../support/apiserver-validation.ts";
import { at } from "../support/values.ts";
import type { SchemaError } from "./kind-catalog.ts";

/** The apiserver's pattern for quantities, quoted in its message. */
const QUANTITY_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** A JSON pointer (`/spec/ports/0/name`) as path segments; array indexes become numbers. */
function pointerPath(pointer: string, data: unknown): PathSegment[] {
  if (pointer === "") return [];
  const path: PathSegment[] = [];
  let value = data;
  for (const raw of pointer.slice(1).split("/")) {
    const text = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const segment = Array.isArray(value) && /^\d+$/.test(text) ? Number(text) : text;
    path.push(segment);
    value = at(value, segment);
  }
  return path;
}

const TYPE_NAMES: Readonly<Record<string, string>> = { integer: "integer", number: "number", string: "string", boolean: "boolean", array: "array", object: "object" };

/** One message for the errors at one path (a failed `oneOf` of types comes with one error per alternative). */
function messageFor(errors: readonly SchemaError[], value: unknown): string | undefined {
  const keywords = new Set(errors.map((e) => e.keyword));
  if (errors.some((e) => e.keyword === "format" && e.params.format === "quantity")) return invalid(value, QUANTITY_MESSAGE);
  const types = [...new Set(errors.filter((e) => e.keyword === "type").flatMap((e) => String(e.params.type).split(",")))];
  if (types.length > 0) return invalid(value, `must be of type ${types.map((t) => TYPE_NAMES[t] ?? t).join(" or ")}`);
  const enumError = errors.find((e) => e.keyword === "enum");
  if (enumError !== undefined) return notSupported(value, (enumError.params.allowedValues as unknown[]).map(String));
  const constError = errors.find((e) => e.keyword === "const");
  if (constError !== undefined) return notSupported(value, [String(constError.params.allowedValue)]);
  const format = errors.find((e) => e.keyword === "format");
  if (format !== undefined) return invalid(value, `must be a valid ${String(format.params.format)}`);
  const specific = errors.find((e) => !["oneOf", "anyOf", "allOf", "if", "not", "required"].includes(e.keyword));
  if (specific !== undefined) return invalid(value, specific.message ?? `fails the schema's ${specific.keyword} rule`);
  if (keywords.has("oneOf") || keywords.has("anyOf") || keywords.has("not")) {
    const detail = errors.find((e) => e.message !== undefined)?.message ?? "does not match the schema";
    return invalid(value, detail);
  }
  return undefined;
}

/**
 * The models' ajv errors as apiserver-style problems: `Required value` for a missing field, `Invalid value: …: must
 * be of type …`, `Unsupported value: …: supported values: …`. Errors at one path are merged into one problem.
 */
export function schemaProblems(errors: readonly SchemaError[], data: unknown): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const byPath = new Map<string, SchemaError[]>();
  for (const error of errors) {
    if (error.keyword === "required") {
      const path = [...pointerPath(error.instancePath, data), String(error.params.missingProperty)];
      problems.push({ path, message: required() });
      continue;
    }
    if (error.keyword === "additionalProperties") continue; // the unknown-field rule reports these
    byPath.set(error.instancePath, [...(byPath.get(error.instancePath) ?? []), error]);
  }
  for (const [pointer, pathErrors] of byPath) {
    const path = pointerPath(pointer, data);
    const message = messageFor(pathErrors, at(data, ...path.map((s) => (typeof s === "object" ? s.key : s))));
    if (message !== undefined) problems.push({ path, message });
  }
  // Nested alternatives can report a parent and a child: keep the deepest problem of each branch.
  return problems.filter(
    (p) => p.message.startsWith("Required") || !problems.some((q) => q !== p && q.path.length > p.path.length && p.path.every((s, i) => s === q.path[i])),
  );
}
