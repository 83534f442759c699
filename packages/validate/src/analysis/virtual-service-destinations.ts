import type { FieldPath } from "../field-path.ts";
import type { ManifestObject } from "../manifest-object.ts";
import { asArray, asObject, asString, at } from "../support/values.ts";

/** One `destination` of a VirtualService route (or mirror), with its path. */
export interface DestinationAt {
  readonly path: FieldPath;
  readonly host: string;
  readonly subset?: string;
}

/** Whether an object is an Istio VirtualService. */
export function isVirtualService(object: ManifestObject): boolean {
  return object.kind === "VirtualService" && object.apiVersion.startsWith("networking.istio.io/");
}

/** Every destination a VirtualService routes or mirrors to: http, tcp and tls routes, `mirror` and `mirrors`. */
export function destinationsOf(object: ManifestObject): DestinationAt[] {
  const out: DestinationAt[] = [];
  const add = (path: FieldPath, destination: unknown) => {
    const host = asString(asObject(destination)?.host);
    if (host === undefined) return;
    const subset = asString(asObject(destination)?.subset);
    out.push({ path, host, ...(subset === undefined ? {} : { subset }) });
  };
  for (const protocol of ["http", "tcp", "tls"]) {
    asArray(at(object.object, "spec", protocol)).forEach((route, i) => {
      asArray(asObject(route)?.route).forEach((r, j) => add(["spec", protocol, i, "route", j, "destination"], asObject(r)?.destination));
      if (protocol !== "http") return;
      add(["spec", protocol, i, "mirror"], asObject(route)?.mirror);
      asArray(asObject(route)?.mirrors).forEach((m, j) => add(["spec", protocol, i, "mirrors", j, "destination"], asObject(m)?.destination));
    });
  }
  return out;
}

/** The gateways a VirtualService applies to (`mesh` when it names none), with their paths. */
export function gatewaysOf(object: ManifestObject): { path: FieldPath; gateway: string }[] {
  const gateways = asArray(at(object.object, "spec", "gateways"));
  if (gateways.length === 0) return [{ path: ["spec"], gateway: "mesh" }];
  const out: { path: FieldPath; gateway: string }[] = [];
  gateways.forEach((gateway, index) => {
    if (typeof gateway === "string") out.push({ path: ["spec", "gateways", index], gateway });
  });
  asArray(at(object.object, "spec", "http")).forEach((route, i) => {
    asArray(asObject(route)?.match).forEach((match, j) => {
      asArray(asObject(match)?.gateways).forEach((gateway, k) => {
        if (typeof gateway === "string") out.push({ path: ["spec", "http", i, "match", j, "gateways", k], gateway });
      });
    });
  });
  return out;
}
