/**
 * Regular expressions as istiod compiles them: RE2 syntax (Go's `regexp`), at most 1024 characters. Compiled with
 * Google's RE2 (the re2-wasm build the schema layer's dependencies already ship), loaded on first use; RE2's error
 * texts are reworded as Go's `regexp/syntax` prints them.
 */
import { createRequire } from "node:module";
import { goQuote } from "./istio-object.ts";

interface Re2Constructor {
  new (pattern: string, flags?: string): unknown;
}

let re2: Re2Constructor | undefined;

function compiler(): Re2Constructor {
  re2 ??= (createRequire(import.meta.url)("re2-wasm") as { RE2: Re2Constructor }).RE2;
  return re2;
}

/** RE2's error codes (C++ wording) and Go's for the same problem. */
const GO_WORDING: readonly (readonly [string, string])[] = [
  ["missing )", "missing closing )"],
  ["missing ]", "missing closing ]"],
  ["unexpected )", "unexpected )"],
  ["invalid perl operator", "invalid or unsupported Perl syntax"],
  ["invalid repetition size", "invalid repeat count"],
  ["bad repetition operator", "invalid nested repetition operator"],
  ["no argument for repetition operator", "missing argument to repetition operator"],
  ["trailing \\", "trailing backslash at end of expression"],
  ["invalid escape sequence", "invalid escape sequence"],
  ["invalid character class range", "invalid character class range"],
  ["invalid character class", "invalid character class"],
  ["invalid named capture group", "invalid named capture group"],
  ["duplicate capture group name", "duplicate capture group name"],
  ["invalid UTF-8", "invalid UTF-8"],
  ["pattern too large - compile failed", "expression too large"],
];

/** Why RE2 rejects the expression, in Go's words (`error parsing regexp: missing closing ): `(a``), or `undefined`. */
export function re2Error(expression: string): string | undefined {
  try {
    new (compiler())(expression, "u");
    return undefined;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const prefix = `Invalid regular expression: /${expression}/u: `;
    const reason = text.startsWith(prefix) ? text.slice(prefix.length) : text.slice(text.indexOf("/u: ") + 4);
    const colon = reason.indexOf(": ");
    const code = colon < 0 ? reason : reason.slice(0, colon);
    const argument = colon < 0 ? "" : reason.slice(colon + 2);
    const wording = GO_WORDING.find(([re2Code]) => re2Code === code.toLowerCase())?.[1] ?? code;
    return `error parsing regexp: ${wording}: \`${argument}\``;
  }
}

/** `validateStringRegexp`: the expression at `where` (`"uri"`, `"headers"`) compiles and is at most 1024 long. */
export function validateRegexp(expression: string, where: string): string | undefined {
  if (expression.length > 1024) return `${goQuote(where)}: regex is too large, max length allowed is 1024`;
  const error = re2Error(expression);
  return error === undefined ? undefined : `${goQuote(where)}: ${error}; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)`;
}
