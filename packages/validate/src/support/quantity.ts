/**
 * Kubernetes resource quantities (`100m`, `1.5Gi`, `1e3`), compared exactly as `resource.Quantity.Cmp` does: as
 * rationals, never through floating point.
 */
interface ExactQuantity {
  /** The digits, without the decimal point. */
  readonly mantissa: bigint;
  /** Power of ten (decimal suffix or exponent, minus the digits after the point). */
  readonly decimal: number;
  /** Power of two (binary suffix). */
  readonly binary: number;
}

const DECIMAL: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const QUANTITY = /^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:([eE][+-]?[0-9]+)|([KMGTPE]i)|([numkMGTPE]?))$/;

/** The exact value of a quantity, or `undefined` when the text is not one. */
export function parseQuantity(text: string): ExactQuantity | undefined {
  const match = QUANTITY.exec(text);
  if (match === null) return undefined;
  const [, sign, number, exponent, binarySuffix, decimalSuffix] = match;
  const [whole, fraction = ""] = number!.split(".");
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, "") || "0";
  let mantissa = BigInt(digits);
  if (sign === "-") mantissa = -mantissa;
  const decimal = -fraction.length + (exponent !== undefined ? Number(exponent.slice(1)) : (DECIMAL[decimalSuffix ?? ""] ?? 0));
  const binary = binarySuffix !== undefined ? BINARY[binarySuffix]! : 0;
  return { mantissa, decimal, binary };
}

function scaled(q: ExactQuantity, decimal: number, binary: number): bigint {
  return q.mantissa * 10n ** BigInt(q.decimal - decimal) * 2n ** BigInt(q.binary - binary);
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`; `undefined` when either is not a quantity. */
export function compareQuantities(a: string, b: string): number | undefined {
  const x = parseQuantity(a);
  const y = parseQuantity(b);
  if (x === undefined || y === undefined) return undefined;
  if (Math.abs(x.decimal - y.decimal) > 400) return Math.sign(x.decimal - y.decimal); // absurd exponents
  const decimal = Math.min(x.decimal, y.decimal);
  const binary = Math.min(x.binary, y.binary);
  const left = scaled(x, decimal, binary);
  const right = scaled(y, decimal, binary);
  return left < right ? -1 : left > right ? 1 : 0;
}
