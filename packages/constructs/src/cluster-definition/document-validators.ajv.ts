// The validators of DOCUMENT_SCHEMAS, compiled on first use from sources. A `.ajv.ts` module is a recipe the build
// compiles ahead of time (apps/cli/scripts/precompiled-validators.mjs): the compiled CLI gets ajv's standalone code
// for every validator in VALIDATORS instead of this module, with the same `validator(name)`.
import { Ajv, type Options, type ValidateFunction } from "ajv";
import { DOCUMENT_SCHEMAS } from "./document-schemas.ts";

/** Strict: a schema with an unknown keyword, or a `properties` without `type: object`, is refused when compiled. */
export const AJV_OPTIONS: Options = { allErrors: true, strict: true, verbose: true };

/** Each validator: the schema reference it validates against (the schema's name in DOCUMENT_SCHEMAS). */
export const VALIDATORS = Object.fromEntries(Object.keys(DOCUMENT_SCHEMAS).map((name) => [name, name])) as {
  readonly [Name in keyof typeof DOCUMENT_SCHEMAS]: Name;
};

/** Adds every document schema, under its name, to an ajv instance made with {@link AJV_OPTIONS}. */
export function setUpAjv(ajv: Ajv): Ajv {
  for (const [name, schema] of Object.entries(DOCUMENT_SCHEMAS)) ajv.addSchema(schema, name);
  return ajv;
}

let ajv: Ajv | undefined;

/** The validator of one document schema, compiled on first use. */
export function validator(name: keyof typeof DOCUMENT_SCHEMAS): ValidateFunction {
  ajv ??= setUpAjv(new Ajv(AJV_OPTIONS));
  return ajv.getSchema(name)!;
}
