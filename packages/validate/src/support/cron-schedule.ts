/**
 * robfig/cron v3's ParseStandard, as the kube-apiserver validates a CronJob's `schedule` with it: five fields
 * (minute, hour, day of month, month, day of week) or a descriptor (`@hourly`, `@every 1h30m`…), optionally after a
 * `TZ=` or `CRON_TZ=` prefix. Errors are robfig/cron's own messages.
 */
import { loadLocationError } from "./time-zone.ts";

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

const MONTH_NAMES = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAY_NAMES = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTH_NAMES },
  { min: 0, max: 6, names: DAY_NAMES },
];
const DESCRIPTORS: ReadonlySet<string> = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);

/** strconv.Quote, close enough for the ASCII text a schedule holds. */
const goQuote = (text: string) => JSON.stringify(text);

/** mustParseInt: strconv.Atoi, then no negatives. */
function parseNumber(text: string): bigint | string {
  if (!/^[+-]?[0-9]+$/.test(text)) return `failed to parse int from ${text}: strconv.Atoi: parsing ${goQuote(text)}: invalid syntax`;
  const value = BigInt(text);
  if (value > 9223372036854775807n || value < -9223372036854775808n) return `failed to parse int from ${text}: strconv.Atoi: parsing ${goQuote(text)}: value out of range`;
  if (value < 0n) return `negative number (${value}) not allowed: ${text}`;
  return value;
}

function parseIntOrName(text: string, bounds: Bounds): bigint | string {
  const named = bounds.names?.[text.toLowerCase()];
  return named !== undefined ? BigInt(named) : parseNumber(text);
}

/** getRange: `*`, `?`, a number or name, or a range, with an optional `/step`. */
function rangeError(expression: string, bounds: Bounds): string | undefined {
  const rangeAndStep = expression.split("/");
  const lowAndHigh = rangeAndStep[0]!.split("-");
  let start: bigint;
  let end: bigint;
  if (lowAndHigh[0] === "*" || lowAndHigh[0] === "?") {
    start = BigInt(bounds.min);
    end = BigInt(bounds.max);
  } else {
    const low = parseIntOrName(lowAndHigh[0]!, bounds);
    if (typeof low === "string") return low;
    start = low;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const high = parseIntOrName(lowAndHigh[1]!, bounds);
      if (typeof high === "string") return high;
      end = high;
    } else return `too many hyphens: ${expression}`;
  }
  let step = 1n;
  if (rangeAndStep.length === 2) {
    const parsed = parseNumber(rangeAndStep[1]!);
    if (typeof parsed === "string") return parsed;
    step = parsed;
    if (lowAndHigh.length === 1) end = BigInt(bounds.max);
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expression}`;
  if (start < BigInt(bounds.min)) return `beginning of range (${start}) below minimum (${bounds.min}): ${expression}`;
  if (end > BigInt(bounds.max)) return `end of range (${end}) above maximum (${bounds.max}): ${expression}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expression}`;
  if (step === 0n) return `step of range should be a positive number: ${expression}`;
  return undefined;
}

const DURATION_UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1000n,
  "\u00b5s": 1000n,
  "\u03bcs": 1000n,
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};

/** time's quote: printable ASCII as is (escaping `"` and `\`), any other byte as `\xNN`. */
function timeQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x80 || code < 0x20) for (const byte of new TextEncoder().encode(char)) out += `\\x${byte.toString(16).padStart(2, "0")}`;
    else out += char === '"' || char === "\\" ? `\\${char}` : char;
  }
  return `${out}"`;
}

/** time.ParseDuration's error, or `undefined` when the text is a duration. */
export function durationError(text: string): string | undefined {
  const invalidDuration = `time: invalid duration ${timeQuote(text)}`;
  let rest = text;
  if (rest.startsWith("-") || rest.startsWith("+")) rest = rest.slice(1);
  if (rest === "0") return undefined;
  if (rest === "") return invalidDuration;
  let total = 0n;
  const limit = 1n << 63n;
  while (rest !== "") {
    if (!/^[0-9.]/.test(rest)) return invalidDuration;
    const match = /^([0-9]*)(?:\.([0-9]*))?/.exec(rest)!;
    const whole = match[1]!;
    const fraction = match[2];
    if (whole === "" && (fraction === undefined || fraction === "")) return invalidDuration;
    rest = rest.slice(match[0].length);
    let i = 0;
    while (i < rest.length && !/[0-9.]/.test(rest[i]!)) i++;
    if (i === 0) return `time: missing unit in duration ${timeQuote(text)}`;
    const unitText = rest.slice(0, i);
    rest = rest.slice(i);
    const unit = DURATION_UNITS[unitText];
    if (unit === undefined) return `time: unknown unit ${timeQuote(unitText)} in duration ${timeQuote(text)}`;
    const value = BigInt(whole === "" ? "0" : whole);
    if (value >= limit) return invalidDuration;
    let nanos = value * unit;
    if (fraction !== undefined && fraction !== "") nanos += (BigInt(fraction) * unit) / 10n ** BigInt(fraction.length);
    total += nanos;
    if (total > limit) return invalidDuration;
  }
  if (total === limit && !text.startsWith("-")) return invalidDuration;
  return undefined;
}

/** The error cron.ParseStandard returns for a schedule, or `undefined` when it parses. */
export function cronScheduleError(schedule: string): string | undefined {
  if (schedule.length === 0) return "empty spec string";
  let spec = schedule;
  if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
    const space = spec.indexOf(" ");
    // Without a space robfig/cron slices out of range (the apiserver answers with an internal error).
    if (space < 0) return undefined;
    const location = spec.slice(spec.indexOf("=") + 1, space);
    const error = loadLocationError(location);
    if (error !== undefined) return `provided bad location ${location}: ${error}`;
    spec = spec.slice(space).trim();
  }
  if (spec.startsWith("@")) {
    if (DESCRIPTORS.has(spec)) return undefined;
    if (spec.startsWith("@every ")) {
      const error = durationError(spec.slice("@every ".length));
      return error === undefined ? undefined : `failed to parse duration ${spec}: ${error}`;
    }
    return `unrecognized descriptor: ${spec}`;
  }
  const fields = spec.split(/\s+/).filter((field) => field !== "");
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]`;
  for (const [index, field] of fields.entries()) {
    for (const expression of field.split(",").filter((part) => part !== "")) {
      const error = rangeError(expression, FIELDS[index]!);
      if (error !== undefined) return error;
    }
  }
  return undefined;
}
