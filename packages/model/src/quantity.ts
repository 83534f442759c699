import { SPEC_FORMATS } from "./formats.ts";

const SUFFIX: Readonly<Record<string, number>> = {
  n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/**
 * The numeric value of a Kubernetes quantity in base units (cores for CPU, bytes for memory), e.g. `100m` → 0.1,
 * `64Mi` → 67108864. Throws on a malformed quantity: callers check the format first.
 */
export function parseQuantity(quantity: string): number {
  if (!SPEC_FORMATS.quantity!.test(quantity)) throw new Error(`"${quantity}" is not a quantity`);
  const match = /^([+]?[0-9.]+)(.*)$/.exec(quantity)!;
  const number = Number(match[1]);
  const suffix = match[2]!;
  if (/^[eE]/.test(suffix)) return number * 10 ** Number(suffix.slice(1));
  return number * SUFFIX[suffix]!;
}
