import { createRequire } from "node:module";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import type { ModelObject } from "../model-object.ts";
import { DOCUMENT_SCHEMAS } from "./document-schemas.ts";
import { AJV_OPTIONS, validator } from "./document-validators.ajv.ts";

/** A JSON Schema (draft-07, as ajv's default) for exactly the fields the generator emits. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** One way a document breaks its schema: the field (dotted, `spec.template.ttl`) and what is wrong with it. */
export interface SchemaProblem {
  readonly path: string;
  readonly message: string;
}

/** What a rendered object without a kubernetes-models class needs: the usual header. */
export interface RenderedDocument {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string };
}

const named = new Map<JsonSchema, keyof typeof DOCUMENT_SCHEMAS>(Object.entries(DOCUMENT_SCHEMAS).map(([name, schema]) => [schema, name as keyof typeof DOCUMENT_SCHEMAS]));
let ajv: Ajv | undefined;
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

/** A listed schema's validator (compiled ahead of time in the compiled CLI), else one compiled on first use. */
function validatorFor(schema: JsonSchema): ValidateFunction {
  const name = named.get(schema);
  if (name !== undefined) return validator(name);
  let validate = compiled.get(schema);
  if (validate === undefined) {
    // ajv's compiler is loaded only for a schema that is not in DOCUMENT_SCHEMAS.
    ajv ??= new (createRequire(import.meta.url)("ajv") as typeof import("ajv")).Ajv(AJV_OPTIONS);
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

function pointerToPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, part) => (/^[0-9]+$/.test(part) ? `${path}[${part}]` : path === "" ? part : `${path}.${part}`), "");
}

function join(path: string, field: string): string {
  return path === "" ? field : `${path}.${field}`;
}

function describe(error: ErrorObject): SchemaProblem {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const value = JSON.stringify(error.data);
  switch (error.keyword) {
    case "additionalProperties":
      return { path: join(path, String(params.additionalProperty)), message: "unknown field" };
    case "required":
      return { path: join(path, String(params.missingProperty)), message: "is required" };
    case "enum":
      return { path, message: `${value} is not one of: ${(params.allowedValues as unknown[]).join(", ")}` };
    case "const":
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}, got ${value}` };
    case "pattern":
      return { path, message: `${value} does not match ${String(params.pattern)}` };
    case "type":
      return { path, message: `must be ${String(params.type)}, got ${value}` };
    case "minimum":
    case "maximum":
      return { path, message: `must be ${String(params.comparison)} ${String(params.limit)}, got ${value}` };
    default:
      return { path, message: error.message ?? `is invalid (${error.keyword})` };
  }
}

/** Checks a document against a schema; `[]` when it conforms. Pure. */
export function schemaProblems(schema: JsonSchema, document: unknown): SchemaProblem[] {
  const validate = validatorFor(schema);
  if (validate(document)) return [];
  return (validate.errors ?? []).map(describe);
}

/**
 * A rendered object checked against a JSON Schema written for exactly the fields the generator emits (eksctl,
 * Config Connector, Velero and snapshot objects have no kubernetes-models class). As a {@link ModelObject} its
 * `validate()` runs as a construct validation: a document that breaks its schema is a render problem and nothing is
 * written. `problems` adds checks a schema cannot phrase helpfully (they are reported the same way).
 */
export class SchemaCheckedObject<T extends RenderedDocument = RenderedDocument> implements ModelObject {
  public constructor(
    /** The schema the document must conform to. */
    public readonly schema: JsonSchema,
    /** The document as it is rendered. */
    public readonly document: T,
    /**
     * Problems found before schema validation, e.g. a spec field the definition needs. When there are any, only they
     * are reported: the schema's messages would repeat them in the document's terms.
     */
    private readonly problems: readonly SchemaProblem[] = [],
  ) {}

  /** Throws `{ errors: [{ instancePath, message }] }` (the shape `validationMessages` reads) when anything is wrong. */
  public validate(): void {
    const found = this.problems.length > 0 ? this.problems : schemaProblems(this.schema, this.document);
    if (found.length === 0) return;
    const error = new Error(found.map((p) => `${p.path}: ${p.message}`).join("; "));
    throw Object.assign(error, { errors: found.map((p) => ({ instancePath: p.path, message: p.message })) });
  }

  public toJSON(): T {
    return this.document;
  }
}
