// The string formats of `@kubernetes-models/validate` 3 (dist/index.js of 3.1.2, which @kubernetes-models/istio 2,
// argo-rollouts 0.3 and gateway-api 0.5 use): ajv-formats' full formats, ajv-formats-draft2019's, and its own `byte`,
// `quantity` and `string`, added in that order. One module for both sides: the build configures its ajv with
// `setUpFormats` and the validators it writes read the formats they name from `runtimeFormats()`, the same objects
// (the build checks that every format a validator uses is identical in both).
import { createRequire } from "node:module";

const rBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const rSignedNumber = /[+-]?(?:\d+|\d+\.\d+|\d+\.|\.\d+)/;
const rBinarySI = /[KMGTPE]i/;
const rDecimalSI = /(?:[YZEPTGMkhdcmunpfazy]|da)/;
const rDecimalExponent = new RegExp(`[eE]${rSignedNumber.source}`);
const rQuantitySuffix = new RegExp(`(?:${rBinarySI.source}|${rDecimalSI.source}|${rDecimalExponent.source})?`);
const rQuantity = new RegExp(`^${rSignedNumber.source}${rQuantitySuffix.source}$`);

/** The formats `@kubernetes-models/validate` 3 adds after the plugins' (4 has the same three, and `cidr`). */
export const OWN_FORMATS = {
  byte: { type: "string", validate: (value) => rBase64.test(value) },
  quantity: { type: "string", validate: rQuantity },
  string: { type: "string", validate: (value) => typeof value === "string" },
};

let runtime;

/**
 * The formats a precompiled validator may name at run time: ajv-formats' full formats and the package's own, loaded
 * when the first validator is. The draft 2019 formats (duration, idn-email, idn-hostname, iri, iri-reference) are
 * left out: no model schema uses them, and they would load punycode and uri-js; a schema that did would fail the
 * build (precompile.mjs compares every format a validator names with its ajv's).
 */
export function runtimeFormats() {
  runtime ??= { ...createRequire(import.meta.url)("ajv-formats/dist/formats.js").fullFormats, ...OWN_FORMATS };
  return runtime;
}

/** Adds the formats to an ajv exactly as `@kubernetes-models/validate` 3 does to its own. */
export async function setUpFormats(ajv) {
  // Imported here, not above: the run time needs the format definitions only, not the plugins (which load ajv).
  const [{ default: addFormats }, { default: addFormatsDraft2019 }] = await Promise.all([import("ajv-formats"), import("ajv-formats-draft2019")]);
  addFormats(ajv);
  addFormatsDraft2019(ajv);
  for (const [name, format] of Object.entries(OWN_FORMATS)) ajv.addFormat(name, format);
}
