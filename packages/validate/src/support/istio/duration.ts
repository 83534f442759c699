/**
 * Durations as istiod reads them: the CRD's string is decoded by Go's `time.ParseDuration` (`10s`, `1m30s`,
 * `500ms`, `0.5s`), then `agent.ValidateDuration` requires at least 1ms, in whole milliseconds.
 */
import { goQuote } from "./istio-object.ts";

const UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  "\u00b5s": 1_000n,
  "\u03bcs": 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const MAX_NANOSECONDS = 2n ** 63n - 1n;

/** Go's `time.ParseDuration`: nanoseconds, or the error text it returns. */
export function parseGoDuration(text: string): { readonly nanoseconds: bigint } | { readonly error: string } {
  const invalid = { error: `time: invalid duration ${goQuote(text)}` };
  let rest = text;
  let negative = false;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    negative = rest.startsWith("-");
    rest = rest.slice(1);
  }
  if (rest === "0") return { nanoseconds: 0n };
  if (rest === "") return invalid;
  let total = 0n;
  while (rest !== "") {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest)!;
    const whole = number[1] ?? "";
    const fraction = number[2] ?? "";
    if (whole === "" && fraction === "") return invalid;
    rest = rest.slice(number[0].length);
    const unitText = /^[^0-9.]*/.exec(rest)![0];
    if (unitText === "") return { error: `time: missing unit in duration ${goQuote(text)}` };
    const unit = UNITS[unitText];
    if (unit === undefined) return { error: `time: unknown unit ${goQuote(unitText)} in duration ${goQuote(text)}` };
    rest = rest.slice(unitText.length);
    let value = BigInt(whole === "" ? "0" : whole) * unit;
    if (fraction !== "") value += (BigInt(fraction) * unit) / 10n ** BigInt(fraction.length);
    total += value;
    if (total > MAX_NANOSECONDS + (negative ? 1n : 0n)) return invalid;
  }
  return { nanoseconds: negative ? -total : total };
}

/**
 * istiod's complaint about a duration field, or `undefined` when it is valid (or not a string: the schema layer
 * reports wrong types). Undecodable text gets the decoder's `bad Duration` message.
 */
export function durationProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const parsed = parseGoDuration(value);
  if ("error" in parsed) return `bad Duration: ${parsed.error}`;
  if (parsed.nanoseconds < 1_000_000n) return "duration must be greater than 1ms";
  if (parsed.nanoseconds % 1_000_000n !== 0n) return "only durations to ms precision are supported";
  return undefined;
}

/** The duration in nanoseconds, when it decodes. */
export function durationNanoseconds(value: unknown): bigint | undefined {
  if (typeof value !== "string") return undefined;
  const parsed = parseGoDuration(value);
  return "nanoseconds" in parsed ? parsed.nanoseconds : undefined;
}
