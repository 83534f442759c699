import { asArray, asObject, asString } from "../support/values.ts";

/** The scope of a resource exported to every namespace. */
export const EXPORT_TO_ALL = "*";

/** The `exportTo` entry meaning the resource's own namespace. */
export const EXPORT_TO_LOCAL = ".";

/** A resource's `spec.exportTo` entries (strings only). */
export function exportToOf(value: unknown): string[] {
  return asArray(value).filter((entry): entry is string => typeof entry === "string");
}

/** Whether an `exportTo` list exports to every namespace: it is empty or names `*` (istioctl's reading). */
export function exportsToAll(exportTo: readonly string[]): boolean {
  return exportTo.length === 0 || exportTo.includes(EXPORT_TO_ALL);
}

/**
 * The namespaces an Istio resource of `namespace` is visible in, as istioctl scopes it: `["*"]` when it is exported to
 * all, else the named namespaces with `.` read as its own (sorted, without repeats).
 */
export function exportScopes(exportTo: readonly string[], namespace: string): string[] {
  if (exportsToAll(exportTo)) return [EXPORT_TO_ALL];
  return [...new Set(exportTo.map((entry) => (entry === EXPORT_TO_LOCAL ? namespace : entry)))].sort();
}

/**
 * The namespaces a Kubernetes Service is visible in, from its `networking.istio.io/exportTo` annotation (a comma-separated
 * list; all namespaces when it is absent).
 */
export function serviceExportScopes(annotations: unknown, namespace: string): string[] {
  const annotation = asString(asObject(annotations)?.["networking.istio.io/exportTo"]) ?? "";
  if (annotation === "") return [EXPORT_TO_ALL];
  return annotation.split(",").map((entry) => (entry === EXPORT_TO_LOCAL ? namespace : entry));
}
