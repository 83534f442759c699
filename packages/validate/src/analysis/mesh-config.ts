import { parse } from "yaml";
import type { ManifestObject } from "../manifest-object.ts";
import { asObject, asString, at, type PlainObject } from "../support/values.ts";
import { namespaceOf } from "./environment-index.ts";

/** Istio's root namespace (the default `rootNamespace` of the mesh config): configuration there applies mesh-wide. */
export const ISTIO_ROOT_NAMESPACE = "istio-system";

/**
 * The mesh configs among `objects`: the `mesh` key of the `istio` ConfigMap (or a revision's `istio-<rev>`) in
 * istio-system, and the `meshConfig` of IstioOperator resources. A `mesh` that does not parse is left out.
 */
export function meshConfigs(objects: readonly ManifestObject[]): PlainObject[] {
  const configs: PlainObject[] = [];
  for (const object of objects) {
    if (object.kind === "ConfigMap" && object.apiVersion === "v1" && namespaceOf(object) === ISTIO_ROOT_NAMESPACE && /^istio(-.+)?$/.test(object.name)) {
      const text = asString(at(object.object, "data", "mesh"));
      if (text === undefined) continue;
      try {
        const mesh = asObject(parse(text));
        if (mesh !== undefined) configs.push(mesh);
      } catch {
        // not YAML: the mesh config does not load, so it sets nothing
      }
    }
    if (object.kind === "IstioOperator" && object.apiVersion.startsWith("install.istio.io/")) {
      const mesh = asObject(at(object.object, "spec", "meshConfig"));
      if (mesh !== undefined) configs.push(mesh);
    }
  }
  return configs;
}

/** Whether a mesh config turns on DNS capture with automatic address allocation (`ISTIO_META_DNS_AUTO_ALLOCATE`). */
export function dnsAutoAllocates(objects: readonly ManifestObject[]): boolean {
  return meshConfigs(objects).some((mesh) => {
    const metadata = asObject(at(mesh, "defaultConfig", "proxyMetadata"));
    return metadata?.ISTIO_META_DNS_CAPTURE === "true" && metadata.ISTIO_META_DNS_AUTO_ALLOCATE === "true";
  });
}
