import { SPEC_FORMATS } from "./formats.ts";

/** The power of ten of each decimal SI suffix. */
const DECIMAL_EXPONENT: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
/** The power of two of each binary suffix. */
const BINARY_EXPONENT: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/**
 * The numeric value of a Kubernetes quantity in base units (cores for CPU, bytes for memory), e.g. `100m` → 0.1,
 * `64Mi` → 67108864. Throws on a malformed quantity: callers check the format first.
 *
 * The value is the nearest double to the quantity's exact value (decimal suffixes shift the exponent of the decimal
 * text, binary ones scale by a power of two), so equal amounts written differently (`9m`, `0.009`) compare equal.
 */
export function parseQuantity(quantity: string): number {
  if (!SPEC_FORMATS.quantity!.test(quantity)) throw new Error(`"${quantity}" is not a quantity`);
  const match = /^([+]?[0-9.]+)(.*)$/.exec(quantity)!;
  const number = match[1]!;
  const suffix = match[2]!;
  const binary = BINARY_EXPONENT[suffix];
  if (binary !== undefined) return Number(number) * 2 ** binary;
  const decimal = DECIMAL_EXPONENT[suffix];
  if (decimal !== undefined) return Number(`${number}e${decimal}`);
  return Number(quantity); // a decimal exponent, e.g. `1e3`
}
