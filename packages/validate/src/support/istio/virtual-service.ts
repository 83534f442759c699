/** Walks a VirtualService's routes and string matches the way istiod's `ValidateVirtualService` visits them. */
import type { FieldPath } from "../../field-path.ts";
import { asArray, asObject, asString, isSet, type PlainObject } from "../values.ts";
import { validateRegexp } from "./regex.ts";

/** One entry of `spec.http`, `spec.tls` or `spec.tcp` with its path. */
export interface RouteAt {
  readonly route: PlainObject;
  readonly path: FieldPath;
}

/** The entries of `spec.<section>` that are objects. */
export function routesOf(spec: PlainObject, section: "http" | "tls" | "tcp"): RouteAt[] {
  const routes: RouteAt[] = [];
  for (const [i, entry] of asArray(spec[section]).entries()) {
    const route = asObject(entry);
    if (route !== undefined) routes.push({ route, path: ["spec", section, i] });
  }
  return routes;
}

/** The objects of a list field with their paths (`match`, `route`, `mirrors`). */
export function entriesOf(parent: PlainObject, field: string, path: FieldPath): RouteAt[] {
  const entries: RouteAt[] = [];
  for (const [i, entry] of asArray(parent[field]).entries()) {
    const route = asObject(entry);
    if (route !== undefined) entries.push({ route, path: [...path, field, i] });
  }
  return entries;
}

/** The gateway names a VirtualService lists (`spec.gateways`). */
export function gatewaysOf(spec: PlainObject): string[] {
  return asArray(spec.gateways).flatMap((g) => (typeof g === "string" ? [g] : []));
}

/** `isGateway`: true unless `mesh` is among the gateways (an empty list counts as true, as in istiod). */
export function isGatewayBound(spec: PlainObject): boolean {
  return !gatewaysOf(spec).includes("mesh");
}

/** `validateStringMatchRegexp`: only regex matches are checked (non-empty, compiling). */
export function stringMatchRegexpProblem(match: unknown, where: string): string | undefined {
  const object = asObject(match);
  if (object === undefined || !isSet(object.regex)) return undefined;
  const regex = asString(object.regex) ?? "";
  if (regex === "") return `${JSON.stringify(where)}: regex string match should not be empty`;
  return validateRegexp(regex, where);
}

/** `validateStringMatch`: regex matches as above, and a prefix match may not be empty. */
export function stringMatchProblem(match: unknown, where: string): string | undefined {
  const object = asObject(match);
  if (object !== undefined && isSet(object.prefix) && asString(object.prefix) === "") return `${JSON.stringify(where)}: prefix string match should not be empty`;
  return stringMatchRegexpProblem(match, where);
}
