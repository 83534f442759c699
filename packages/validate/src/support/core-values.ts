/**
 * Values and checks of the core API kinds (ConfigMap and Secret keys, quantities, JSON payloads) as the
 * kube-apiserver (Kubernetes 1.28) prints and judges them.
 */
import { maxLenError } from "./apiserver-validation.ts";
import { formatQuantity, quantityValue } from "./quantity-format.ts";

const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

/** `validation.IsConfigMapKey`: ConfigMap and Secret data keys. */
export function isConfigMapKey(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 253) errors.push(maxLenError(253));
  if (!CONFIG_MAP_KEY.test(value)) {
    errors.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  }
  if (value === ".") errors.push("must not be '.'");
  else if (value === "..") errors.push("must not be '..'");
  else if (value.startsWith("..")) errors.push("must not start with '..'");
  return errors;
}

/** The number of bytes of a string in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD, as Go writes it). */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** The number of bytes base64 text decodes to (whitespace ignored). */
export function base64Length(text: string): number {
  const compact = text.replace(/\s+/g, "");
  const padding = compact.endsWith("==") ? 2 : compact.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((compact.length * 3) / 4) - padding);
}

/** The bytes of base64 text as a (Latin-1) string, or `undefined` when it is not base64. */
export function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return undefined;
  try {
    return atob(compact);
  } catch {
    return undefined;
  }
}

/** The written text of a quantity (YAML may give a number). */
function quantityText(written: unknown): string | undefined {
  if (typeof written === "number" && Number.isFinite(written)) return String(written);
  return typeof written === "string" ? written.trim() : undefined;
}

/** `Quantity.String()` of a written quantity (the text itself when it is not one). */
export function quantityString(written: unknown): string {
  const value = quantityValue(written);
  return value === undefined ? String(written) : formatQuantity(value);
}

const QUANTITY_PARTS = /^([+-]?)0*([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+)|([KMGTPE]i)|([numkMGTPE]?))$/;
const DECIMAL_EXPONENTS: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_EXPONENTS: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const INT64_MAX = 2n ** 63n - 1n;

/**
 * A `resource.Quantity` value as `field.Invalid` prints it (Go's `%#v` of the struct `ParseQuantity` returns: the
 * int64 amount, and the text cached when it is already canonical). Quantities that `ParseQuantity` keeps as an
 * `inf.Dec` print a pointer that cannot be predicted; they are given as their canonical text instead.
 */
export function goQuantity(written: unknown): string {
  const text = quantityText(written);
  const fallback = JSON.stringify(quantityString(written));
  if (text === undefined) return fallback;
  if (text === "0") return 'resource.Quantity{i:resource.int64Amount{value:0, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"0", Format:"DecimalSI"}';
  const match = QUANTITY_PARTS.exec(text);
  if (match === null) return fallback;
  const [, sign = "", numerator = "", denominator = "", exponentText, binarySuffix, decimalSuffix] = match;
  const num = numerator === "" ? "0" : numerator;
  const denom = denominator;
  let format: string;
  let exponent: number;
  if (exponentText !== undefined) {
    format = "DecimalExponent";
    exponent = Number(exponentText);
  } else if (binarySuffix !== undefined) {
    format = "BinarySI";
    exponent = BINARY_EXPONENTS[binarySuffix]!;
  } else {
    format = "DecimalSI";
    exponent = DECIMAL_EXPONENTS[decimalSuffix ?? ""] ?? 0;
  }
  let scale: number;
  let mantissa = 1n;
  let precision: number;
  if (format === "BinarySI") {
    scale = 0;
    if (denom !== "") return fallback;
    mantissa = 2n ** BigInt(exponent);
    precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
  } else {
    scale = exponent;
    precision = 18 - (num.length + denom.length);
  }
  if (precision < 0) return fallback;
  scale -= denom.length;
  if (scale < -9) return fallback;
  const shifted = num + denom;
  const value = BigInt(shifted);
  if (value > INT64_MAX) return fallback;
  let result = value * mantissa;
  if (result > INT64_MAX) return fallback;
  if (sign === "-") result = -result;
  const cached = format === "BinarySI" ? exponent % 10 === 0 && (value & 7n) !== 0n : scale % 3 === 0 && !shifted.endsWith("000") && !shifted.startsWith("0");
  return `resource.Quantity{i:resource.int64Amount{value:${result}, scale:${scale}}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:${JSON.stringify(cached ? text : "")}, Format:"${format}"}`;
}

/** A Go `[]T{…}` literal of strings, as `%#v` prints it (`[]string{"a", "b"}`; `[]string(nil)` when empty). */
export function goStrings(values: readonly string[], type = "string"): string {
  return values.length === 0 ? `[]${type}(nil)` : `[]${type}{${values.map((v) => JSON.stringify(v)).join(", ")}}`;
}

/** The character as Go's JSON scanner quotes it in errors. */
function quoteChar(character: string): string {
  if (character === "'") return "'\\''";
  if (character === '"') return "'\"'";
  const quoted = JSON.stringify(character);
  return `'${quoted.slice(1, -1)}'`;
}

/**
 * The error Go's `json.Unmarshal` gives decoding `text` into a `map[string]interface{}`, or `undefined` when it
 * decodes (syntax errors are worded as Go's scanner words them).
 */
export function goJsonObjectError(text: string): string | undefined {
  const syntax = goJsonSyntaxError(text);
  if (syntax !== undefined) return syntax;
  const first = text.trimStart()[0];
  if (first === "{" || first === "n") return undefined;
  const kind = first === "[" ? "array" : first === '"' ? "string" : first === "t" || first === "f" ? "bool" : "number";
  return `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);

/** A port of the checks of Go's `encoding/json` scanner, with its messages. */
function goJsonSyntaxError(text: string): string | undefined {
  let i = 0;
  const invalid = (context: string): string => `invalid character ${quoteChar(text[i]!)} ${context}`;
  const end = "unexpected end of JSON input";
  const skip = (): void => {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
  };
  const literal = (word: string): string | undefined => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (i >= text.length) return end;
      if (text[i] !== word[k]) return invalid(`in literal ${word} (expecting ${quoteChar(word[k]!)})`);
    }
    i++;
    return undefined;
  };
  const digits = (): void => {
    while (i < text.length && text[i]! >= "0" && text[i]! <= "9") i++;
  };
  const number = (): string | undefined => {
    if (text[i] === "-") {
      i++;
      if (i >= text.length) return end;
      if (!(text[i]! >= "0" && text[i]! <= "9")) return invalid("in numeric literal");
    }
    if (text[i] === "0") i++;
    else digits();
    if (text[i] === ".") {
      i++;
      if (i >= text.length) return end;
      if (!(text[i]! >= "0" && text[i]! <= "9")) return invalid("after decimal point in numeric literal");
      digits();
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      if (i >= text.length) return end;
      if (!(text[i]! >= "0" && text[i]! <= "9")) return invalid("in exponent of numeric literal");
      digits();
    }
    return undefined;
  };
  const string = (): string | undefined => {
    i++;
    for (;;) {
      if (i >= text.length) return end;
      const c = text[i]!;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c < " ") return invalid("in string literal");
      if (c === "\\") {
        i++;
        if (i >= text.length) return end;
        const e = text[i]!;
        if (e === "u") {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= text.length) return end;
            if (!/[0-9a-fA-F]/.test(text[i]!)) return invalid("in \\u hexadecimal character escape");
          }
        } else if (!'"\\/bfnrt'.includes(e)) {
          return invalid("in string escape code");
        }
      }
      i++;
    }
  };
  const value = (): string | undefined => {
    skip();
    if (i >= text.length) return end;
    const c = text[i]!;
    if (c === "{") {
      i++;
      skip();
      if (i >= text.length) return end;
      if (text[i] === "}") {
        i++;
        return undefined;
      }
      for (;;) {
        skip();
        if (i >= text.length) return end;
        if (text[i] !== '"') return invalid("looking for beginning of object key string");
        const keyError = string();
        if (keyError !== undefined) return keyError;
        skip();
        if (i >= text.length) return end;
        if (text[i] !== ":") return invalid("after object key");
        i++;
        const valueError = value();
        if (valueError !== undefined) return valueError;
        skip();
        if (i >= text.length) return end;
        if (text[i] === "}") {
          i++;
          return undefined;
        }
        if (text[i] !== ",") return invalid("after object key:value pair");
        i++;
      }
    }
    if (c === "[") {
      i++;
      skip();
      if (i >= text.length) return end;
      if (text[i] === "]") {
        i++;
        return undefined;
      }
      for (;;) {
        const elementError = value();
        if (elementError !== undefined) return elementError;
        skip();
        if (i >= text.length) return end;
        if (text[i] === "]") {
          i++;
          return undefined;
        }
        if (text[i] !== ",") return invalid("after array element");
        i++;
      }
    }
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    return invalid("looking for beginning of value");
  };
  const error = value();
  if (error !== undefined) return error;
  skip();
  return i < text.length ? invalid("after top-level value") : undefined;
}
