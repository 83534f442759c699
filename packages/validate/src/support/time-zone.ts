/**
 * Go's time.LoadLocation, as the kube-apiserver uses it for CronJob time zones: which IANA time zone names it knows.
 * The names are looked up in the runtime's ICU data (the same IANA database); Go's lookup is case-sensitive, ICU's is
 * not, so a name that only matches in another case is unknown.
 */

let knowsZones: boolean | undefined;

/**
 * Whether this runtime's Intl knows time zones at all (a build without ICU data knows none: then accept every name).
 * Asked on first use, not when the module loads: ICU's first time-zone lookup costs about 17 ms, which every
 * `validate` paid even without a CronJob.
 */
function intlKnowsZones(): boolean {
  knowsZones ??= canonicalZone("America/New_York") !== undefined;
  return knowsZones;
}

/** The zone ICU resolves `name` to, or `undefined` when it does not know it. */
function canonicalZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Names Go's zoneinfo has and ICU does not. */
const GO_ONLY_ZONES: ReadonlySet<string> = new Set(["Factory"]);

const cache = new Map<string, string | undefined>();

/**
 * time.LoadLocation's error for a location name, or `undefined` when Go loads it (`""` and `UTC` are UTC, `Local` the
 * local zone).
 */
export function loadLocationError(name: string): string | undefined {
  if (cache.has(name)) return cache.get(name);
  const error = computeLoadLocationError(name);
  cache.set(name, error);
  return error;
}

function computeLoadLocationError(name: string): string | undefined {
  if (name === "" || name === "UTC" || name === "Local") return undefined;
  if (name.includes("..") || name.startsWith("/") || name.startsWith("\\")) return "time: invalid location name";
  if (GO_ONLY_ZONES.has(name) || !intlKnowsZones()) return undefined;
  const unknown = `unknown time zone ${name}`;
  // IANA names start with a letter; ICU also takes UTC offsets ("+05:00"), which Go does not.
  if (!/^[A-Za-z]/.test(name)) return unknown;
  const canonical = canonicalZone(name);
  if (canonical === undefined) return unknown;
  if (canonical !== name && canonical.toLowerCase() === name.toLowerCase()) return unknown;
  return undefined;
}
