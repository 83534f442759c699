import type { ErrorObject } from "ajv";
import { joinPath, type FieldProblem } from "./field-problem.ts";
import { SPEC_FORMATS } from "./formats.ts";
import { validator, type VALIDATORS } from "./spec-validators.ajv.ts";

/** The spec types that have a generated schema. */
export type SchemaType = keyof typeof VALIDATORS;

/** Checks a value against the JSON Schema generated from the spec's TypeScript type. */
export function validateAgainstSchema(type: SchemaType, value: unknown): FieldProblem[] {
  const validate = validator(type);
  if (validate(value)) return [];
  return describeErrors(validate.errors ?? []);
}

/** Turns ajv's errors into one problem per field, in the wording of the spec's error messages. */
function describeErrors(errors: readonly ErrorObject[]): FieldProblem[] {
  // ajv reports a failed union's branch errors just before the union's own error, at the same value or below it (a
  // branch behind a `$ref` has the referenced definition's schema path, so the schema path cannot tell them apart).
  const inside = new Set<number>();
  errors.forEach((union, at) => {
    if (union.keyword !== "anyOf" && union.keyword !== "oneOf") return;
    const under = (e: ErrorObject) => e.instancePath === union.instancePath || e.instancePath.startsWith(`${union.instancePath}/`);
    for (let i = at - 1; i >= 0 && under(errors[i]!); i--) inside.add(i);
  });
  const problems = errors.filter((_, i) => !inside.has(i)).map(describeError);
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pointerToPath(pointer: string): string {
  if (pointer === "") return "";
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, part) => joinPath(path, /^[0-9]+$/.test(part) ? Number(part) : part), "");
}

function describeError(error: ErrorObject): FieldProblem {
  const path = pointerToPath(error.instancePath);
  const value = JSON.stringify(error.data);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return { path: joinPath(path, String(params.additionalProperty)), message: "unknown field" };
    case "required":
      return { path: joinPath(path, String(params.missingProperty)), message: "is required" };
    case "format": {
      const format = SPEC_FORMATS[String(params.format)];
      return { path, message: `${value} is not ${format?.noun ?? String(params.format)}` };
    }
    case "enum":
      return { path, message: `${value} is not one of: ${(params.allowedValues as unknown[]).join(", ")}` };
    case "type":
      return { path, message: `must be ${article(String(params.type))}, got ${value}` };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { path, message: `must be ${String(params.comparison)} ${String(params.limit)}, got ${value}` };
    case "pattern":
      return { path, message: `${value} does not match ${String(params.pattern)}` };
    case "anyOf":
    case "oneOf":
      return { path, message: `${value} is not any of the allowed forms` };
    default:
      return { path, message: error.message ?? `is invalid (${error.keyword})` };
  }
}

function article(type: string): string {
  const names = type.split(",").map((t) => (t === "integer" ? "an integer" : t === "array" || t === "object" ? `an ${t}` : `a ${t}`));
  return names.join(" or ");
}
