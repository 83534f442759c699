/**
 * Kubernetes resource quantities as the apiserver prints them in messages (`resource.Quantity.String()`): the value
 * in canonical form (`2000m` → `2`, `0.5` → `500m`, `1024Mi` → `1Gi`), kept in the format its suffix chose (decimal
 * SI, binary SI or decimal exponent), after rounding to nano precision as parsing does.
 */

/** How a quantity was written, which decides how it is printed back. */
type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

/** A quantity's exact value `digits × 10^exponent` and its format. */
export interface QuantityValue {
  readonly digits: bigint;
  readonly exponent: number;
  readonly format: QuantityFormat;
}

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const QUANTITY = /^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE]([+-]?[0-9]+)|([KMGTPE]i)|([numkMGTPE]?))$/;
const NANO = -9;

/** Rounds `digits × 10^exponent` away from zero to `10^scale` when it is finer than that. */
function roundUpTo(digits: bigint, exponent: number, scale: number): [bigint, number] {
  if (exponent >= scale) return [digits, exponent];
  const factor = 10n ** BigInt(scale - exponent);
  const quotient = digits / factor;
  const rounded = digits % factor === 0n ? quotient : quotient + (digits < 0n ? -1n : 1n);
  return [rounded, scale];
}

/** The value of a quantity written as text (or a YAML number), or `undefined` when it is not a quantity. */
export function quantityValue(written: unknown): QuantityValue | undefined {
  const text = typeof written === "number" && Number.isFinite(written) ? String(written) : typeof written === "string" ? written.trim() : undefined;
  if (text === undefined) return undefined;
  const match = QUANTITY.exec(text);
  if (match === null) return undefined;
  const [, sign, number, exponentText, binarySuffix, decimalSuffix] = match;
  const [whole = "", fraction = ""] = number!.split(".");
  let digits = BigInt(`${whole}${fraction}` || "0");
  if (sign === "-") digits = -digits;
  let exponent = -fraction.length;
  let format: QuantityFormat = "DecimalSI";
  if (exponentText !== undefined) {
    exponent += Number(exponentText);
    format = "DecimalExponent";
  } else if (binarySuffix !== undefined) {
    digits *= 2n ** BigInt(BINARY_SUFFIXES[binarySuffix]!);
    format = "BinarySI";
  } else {
    exponent += DECIMAL_SUFFIXES[decimalSuffix ?? ""] ?? 0;
  }
  if (Math.abs(exponent) > 1000) return undefined; // absurd: no rule needs it
  [digits, exponent] = roundUpTo(digits, exponent, NANO);
  return { digits, exponent, format };
}

/** `digits` without its trailing decimal zeros, and how many were removed. */
function stripFactors(digits: bigint, base: bigint): [bigint, number] {
  let removed = 0;
  while (digits !== 0n && digits % base === 0n) {
    digits /= base;
    removed++;
  }
  return [digits, removed];
}

const DECIMAL_SUFFIX_OF: ReadonlyMap<number, string> = new Map(Object.entries(DECIMAL_SUFFIXES).map(([suffix, exponent]) => [exponent, suffix]));
const BINARY_SUFFIX_OF = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

function decimalText(digits: bigint, exponent: number, format: QuantityFormat): string {
  let [amount, removed] = stripFactors(digits, 10n);
  let scale = exponent + removed;
  const rest = ((scale % 3) + 3) % 3;
  amount *= 10n ** BigInt(rest);
  scale -= rest;
  if (format === "DecimalExponent") return scale === 0 ? `${amount}` : `${amount}e${scale}`;
  const suffix = DECIMAL_SUFFIX_OF.get(scale);
  return suffix === undefined ? `${amount}e${scale}` : `${amount}${suffix}`;
}

/** The canonical text of a quantity, as `Quantity.String()` prints it. */
export function formatQuantity(value: QuantityValue): string {
  const { digits, exponent, format } = value;
  if (digits === 0n) return "0";
  if (format === "BinarySI") {
    const integer = exponent >= 0 ? digits * 10n ** BigInt(exponent) : digits % 10n ** BigInt(-exponent) === 0n ? digits / 10n ** BigInt(-exponent) : undefined;
    if (integer !== undefined && (integer >= 1024n || integer <= -1024n)) {
      const [amount, power] = stripFactors(integer, 1024n);
      if (power < BINARY_SUFFIX_OF.length) return `${amount}${BINARY_SUFFIX_OF[power]}`;
    }
    return decimalText(digits, exponent, "DecimalSI");
  }
  return decimalText(digits, exponent, format);
}

/** The canonical text of a written quantity, or `undefined` when it is not one. */
export function canonicalQuantity(written: unknown): string | undefined {
  const value = quantityValue(written);
  return value === undefined ? undefined : formatQuantity(value);
}

/** -1, 0 or 1 as the value is negative, zero or positive. */
export function quantitySign(value: QuantityValue): number {
  return value.digits < 0n ? -1 : value.digits > 0n ? 1 : 0;
}

/** Whether the value is a whole number. */
export function isWholeQuantity(value: QuantityValue): boolean {
  return value.exponent >= 0 || value.digits % 10n ** BigInt(-value.exponent) === 0n;
}

/** The value rounded up (away from zero) to a whole number, as `Quantity.Value()` does. */
export function quantityInteger(value: QuantityValue): bigint {
  if (value.exponent >= 0) return value.digits * 10n ** BigInt(value.exponent);
  return roundUpTo(value.digits, value.exponent, 0)[0];
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareQuantityValues(a: QuantityValue, b: QuantityValue): number {
  const scale = Math.min(a.exponent, b.exponent);
  const left = a.digits * 10n ** BigInt(a.exponent - scale);
  const right = b.digits * 10n ** BigInt(b.exponent - scale);
  return left < right ? -1 : left > right ? 1 : 0;
}
