// The spec validators: ajv set up for the generated schema, compiled on first use from sources. A `.ajv.ts` module is
// a recipe the build compiles ahead of time (apps/cli/scripts/precompiled-validators.mjs): the compiled CLI gets ajv's
// standalone code for every validator in VALIDATORS instead of this module, with the same `validator(name)`.
import { Ajv, type Options, type ValidateFunction } from "ajv";
import schema from "./generated/spec.schema.json" with { type: "json" };
import { SPEC_AJV_FORMATS } from "./spec-ajv-formats.ts";

/** ajv's options: every error, with the data (`verbose`); an unknown keyword in the schema is an error. */
export const AJV_OPTIONS: Options = { allErrors: true, verbose: true, strict: true, strictTypes: false, keywords: ["asType"] };

/** The module and export holding the formats, for the code compiled ahead of time. */
export const FORMATS = { module: new URL("./spec-ajv-formats.ts", import.meta.url).href, export: "SPEC_AJV_FORMATS" } as const;

/** Each validator: the schema reference it validates against. */
export const VALIDATORS = {
  ServiceSpec: "spec#/definitions/ServiceSpec",
  TenantSpec: "spec#/definitions/TenantSpec",
  EnvironmentSpec: "spec#/definitions/EnvironmentSpec",
} as const;

/** Adds the formats and the schema to an ajv instance made with {@link AJV_OPTIONS}. */
export function setUpAjv(ajv: Ajv): Ajv {
  for (const [name, format] of Object.entries(SPEC_AJV_FORMATS)) ajv.addFormat(name, format);
  ajv.addSchema(schema, "spec");
  return ajv;
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/** The validator of one spec type, compiled on first use. */
export function validator(name: keyof typeof VALIDATORS): ValidateFunction {
  let validate = compiled.get(name);
  if (validate === undefined) {
    ajv ??= setUpAjv(new Ajv(AJV_OPTIONS));
    validate = ajv.getSchema(VALIDATORS[name])!;
    compiled.set(name, validate);
  }
  return validate;
}
