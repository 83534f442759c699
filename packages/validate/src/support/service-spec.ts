/** A core `v1 Service`'s spec as the apiserver's Service validation sees it (after defaulting and the registry's `normalizeClusterIPs`). */
import type { ManifestObject } from "../manifest-object.ts";
import { asArray, asObject, asString, type PlainObject } from "./values.ts";

/** The fields Service rules read, already narrowed. */
export interface ServiceView {
  readonly spec: PlainObject;
  /** `spec.type` after defaulting (`ClusterIP` when unset). */
  readonly type: string;
  /** `spec.clusterIP`, `""` when unset. */
  readonly clusterIP: string;
  /** `spec.clusterIPs`, initialised from `clusterIP` on create when only the singular field is given. */
  readonly clusterIPs: readonly string[];
  /** Whether the Service is headless (`clusterIPs` is exactly `["None"]`). */
  readonly headless: boolean;
}

/** The Service view of an object, or `undefined` when it is not a core Service with a spec. */
export function serviceOf(object: ManifestObject): ServiceView | undefined {
  if (object.kind !== "Service" || object.apiVersion !== "v1") return undefined;
  const spec = asObject(object.object.spec);
  if (spec === undefined) return undefined;
  const clusterIP = asString(spec.clusterIP) ?? "";
  const written = asArray(spec.clusterIPs).filter((ip): ip is string => typeof ip === "string");
  const clusterIPs = clusterIP !== "" && written.length === 0 ? [clusterIP] : written;
  return {
    spec,
    type: asString(spec.type) ?? "ClusterIP",
    clusterIP,
    clusterIPs,
    headless: clusterIPs.length === 1 && clusterIPs[0] === "None",
  };
}
