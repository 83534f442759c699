import type { FieldPath } from "../field-path.ts";
import type { ManifestObject } from "../manifest-object.ts";
import { asArray, asObject, asString, isObject } from "../support/values.ts";

/** A rule no request can reach (istioctl IST0130). */
export interface UnreachableRule {
  readonly path: FieldPath;
  /** `#2`, or the quoted name of an HTTP route. */
  readonly rule: string;
  readonly reason: string;
}

/** A match no request can reach, as an earlier match takes its requests (istioctl IST0131). */
export interface IneffectiveMatch {
  readonly path: FieldPath;
  readonly rule: string;
  readonly match: string;
  /** The rule (and, for overlapping prefixes, the match) that takes the requests. */
  readonly duplicate: string;
}

/** What Istio's validation finds unreachable in a VirtualService's `http`, `tcp` and `tls` rules. */
export interface UnreachableRules {
  readonly rules: readonly UnreachableRule[];
  readonly matches: readonly IneffectiveMatch[];
}

/**
 * A canonical serialisation of a match, to compare matches as Istio does (Go's JSON of the proto message): keys sorted,
 * fields left at their zero value (empty strings, 0, false, empty lists and maps) dropped, and, for HTTP matches, the
 * `name` ignored.
 */
function canonical(value: unknown): string | undefined {
  if (value === null || value === undefined || value === "" || value === 0 || value === false) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    return `[${value.map((item) => canonical(item) ?? "null").join(",")}]`;
  }
  if (isObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .flatMap((key) => {
        const text = canonical(value[key]);
        return text === undefined ? [] : [`${JSON.stringify(key)}:${text}`];
      });
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}

function matchKey(match: unknown, http: boolean): string {
  const object = asObject(match);
  if (http && object !== undefined && "name" in object) {
    const { name: _name, ...rest } = object;
    return canonical(rest) ?? "{}";
  }
  return canonical(match) ?? "{}";
}

function routeName(route: unknown, index: number, http: boolean): string {
  const name = http ? asString(asObject(route)?.name) : undefined;
  return name === undefined || name === "" ? `#${index}` : JSON.stringify(name);
}

function matchName(match: unknown, index: number, http: boolean): string {
  const name = http ? asString(asObject(match)?.name) : undefined;
  return name === undefined || name === "" ? `#${index}` : JSON.stringify(name);
}

/** `exact:<value>` or `prefix:<value>` of a StringMatch, else empty (istioctl's `assignExactOrPrefix`). */
function exactOrPrefix(value: unknown): string {
  const object = asObject(value);
  const exact = asString(object?.exact) ?? "";
  if (exact !== "") return `exact:${exact}`;
  const prefix = asString(object?.prefix) ?? "";
  return prefix === "" ? "" : `prefix:${prefix}`;
}

function stringMatches(value: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, match] of Object.entries(asObject(value) ?? {})) out.set(key, exactOrPrefix(match));
  return out;
}

/** A URI-prefix match as istioctl compares them for overlaps. */
interface PrefixMatch {
  readonly path: FieldPath;
  readonly rule: string;
  readonly match: string;
  readonly prefix: string;
  readonly port: number;
  readonly method: string;
  readonly authority: string;
  readonly headers: Map<string, string>;
  readonly queryParams: Map<string, string>;
  readonly withoutHeaders: Map<string, string>;
}

function prefixMatchOf(match: unknown, path: FieldPath, rule: string, name: string): PrefixMatch | undefined {
  const object = asObject(match);
  const prefix = asString(asObject(object?.uri)?.prefix) ?? "";
  if (object === undefined || prefix === "") return undefined;
  return {
    path,
    rule,
    match: name,
    prefix,
    port: typeof object.port === "number" ? object.port : 0,
    method: exactOrPrefix(object.method) || "exact:GET",
    authority: exactOrPrefix(object.authority),
    headers: stringMatches(object.headers),
    queryParams: stringMatches(object.queryParams),
    withoutHeaders: stringMatches(object.withoutHeaders),
  };
}

/** Whether each entry of `earlier` is in `later` with the same value or a value the earlier one starts with. */
function mapsCovered(earlier: Map<string, string>, later: Map<string, string>): boolean {
  if (earlier.size !== later.size) return false;
  for (const [key, value] of earlier) {
    const other = later.get(key);
    if (other === undefined || (value !== other && !value.startsWith(other))) return false;
  }
  return true;
}

/** istioctl's `coveredValidation`: whether the earlier prefix match takes every request of the later one. */
function covers(earlier: PrefixMatch, later: PrefixMatch): boolean {
  if (!later.prefix.startsWith(earlier.prefix) || later.port !== earlier.port) return false;
  if (earlier.method !== later.method && !earlier.method.startsWith(later.method)) return false;
  if (earlier.authority !== later.authority && !earlier.authority.startsWith(later.authority)) return false;
  return mapsCovered(earlier.headers, later.headers) && mapsCovered(earlier.queryParams, later.queryParams) && mapsCovered(earlier.withoutHeaders, later.withoutHeaders);
}

function analyzeRoutes(object: ManifestObject, protocol: "http" | "tcp" | "tls", rules: UnreachableRule[], matches: IneffectiveMatch[]): void {
  const http = protocol === "http";
  const routes = asArray(asObject(object.object.spec)?.[protocol]);
  const seen = new Map<string, number>();
  const prefixMatches: PrefixMatch[] = [];
  let catchAll = -1;
  routes.forEach((route, i) => {
    if (!isObject(route)) return;
    const name = routeName(route, i, http);
    const routeMatches = asArray(route.match);
    if (routeMatches.length === 0) {
      if (catchAll >= 0) rules.push({ path: ["spec", protocol, i], rule: name, reason: "only the last rule can have no matches" });
      catchAll = i;
      return;
    }
    if (catchAll >= 0) {
      rules.push({ path: ["spec", protocol, i], rule: name, reason: "route without matches defined before" });
      return;
    }
    let duplicates = 0;
    routeMatches.forEach((match, j) => {
      const key = matchKey(match, http);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        matches.push({ path: ["spec", protocol, i, "match", j], rule: name, match: matchName(match, j, http), duplicate: routeName(routes[earlier], earlier, http) });
        duplicates++;
        return;
      }
      seen.set(key, i);
      if (!http) return;
      const prefixMatch = prefixMatchOf(match, ["spec", protocol, i, "match", j], name, matchName(match, j, http));
      if (prefixMatch !== undefined) prefixMatches.push(prefixMatch);
    });
    if (duplicates === routeMatches.length) rules.push({ path: ["spec", protocol, i], rule: name, reason: "all matches used by prior rules" });
  });
  for (let a = 0; a < prefixMatches.length; a++) {
    const earlier = prefixMatches[a]!;
    for (let b = a + 1; b < prefixMatches.length; b++) {
      const later = prefixMatches[b]!;
      if (later.prefix === earlier.prefix || !covers(earlier, later)) continue;
      matches.push({
        path: later.path,
        rule: later.rule,
        match: `${later.match} of prefix ${later.prefix}`,
        duplicate: `${earlier.match} of prefix ${earlier.prefix} on ${earlier.rule}`,
      });
    }
  }
}

const cache = new WeakMap<ManifestObject, UnreachableRules>();

/**
 * The unreachable rules and ineffective matches of a VirtualService, as Istio's validation reports them (warnings
 * that istioctl shows as IST0130 and IST0131): a rule without matches that is not the last (and, as Istio 1.27 adds,
 * every rule after it), a rule whose matches all repeat earlier ones, a match equal to an earlier one, and an HTTP
 * URI-prefix match that an earlier, shorter prefix with the same other conditions takes.
 */
export function unreachableRulesOf(object: ManifestObject): UnreachableRules {
  let result = cache.get(object);
  if (result === undefined) {
    const rules: UnreachableRule[] = [];
    const matches: IneffectiveMatch[] = [];
    for (const protocol of ["http", "tcp", "tls"] as const) analyzeRoutes(object, protocol, rules, matches);
    result = { rules, matches };
    cache.set(object, result);
  }
  return result;
}
