import type { FormatDefinition } from "ajv";
import { SPEC_FORMATS } from "./formats.ts";

/** The spec's string formats as ajv takes them (for the validators compiled at run time and ahead of time alike). */
export const SPEC_AJV_FORMATS: Readonly<Record<string, FormatDefinition<string>>> = Object.fromEntries(
  Object.entries(SPEC_FORMATS).map(([name, format]) => [name, { type: "string", validate: format.test }]),
);
