import { parse } from "yaml";
import type { FieldPath } from "../field-path.ts";
import type { ManifestObject } from "../manifest-object.ts";
import { asArray, asObject, asString, at, type PlainObject } from "../support/values.ts";
import { namespaceOf } from "./environment-index.ts";

/** Istio's root namespace (the default `rootNamespace` of the mesh config): configuration there applies mesh-wide. */
export const ISTIO_ROOT_NAMESPACE = "istio-system";

/** The Helm chart that installs istiod; its `meshConfig` value becomes the `istio` ConfigMap's `mesh`. */
export const ISTIOD_CHART = "istiod";

/** One mesh config and where it is written in its object. */
export interface MeshConfigSource {
  /** The mesh config (`MeshConfig` fields: `outboundTrafficPolicy`, `defaultConfig`, …). */
  readonly mesh: PlainObject;
  /** Where it is in the object: the mesh config itself, or the string it was parsed from (see `text`). */
  readonly path: FieldPath;
  /** Whether it was parsed from YAML text (a ConfigMap's `mesh`, Helm `values`): a finding can point at that string only. */
  readonly text: boolean;
}

function parsedYaml(text: string | undefined): PlainObject | undefined {
  if (text === undefined) return undefined;
  try {
    return asObject(parse(text));
  } catch {
    // not YAML: the mesh config does not load, so it sets nothing
    return undefined;
  }
}

/** The `meshConfig` of istiod's chart values in an Argo CD Application's source (or one of its `sources`). */
function applicationMeshConfig(object: ManifestObject): MeshConfigSource | undefined {
  const spec = asObject(at(object.object, "spec"));
  const sources: [FieldPath, unknown][] = [[["spec", "source"], spec?.source], ...asArray(spec?.sources).map((s, i): [FieldPath, unknown] => [["spec", "sources", i], s])];
  for (const [path, source] of sources) {
    if (asString(at(source, "chart")) !== ISTIOD_CHART) continue;
    const inline = asObject(at(source, "helm", "valuesObject", "meshConfig"));
    const text = asObject(at(parsedYaml(asString(at(source, "helm", "values"))), "meshConfig"));
    if (inline === undefined && text !== undefined) return { mesh: text, path: [...path, "helm", "values"], text: true };
    return { mesh: inline ?? {}, path: [...path, "helm", "valuesObject", "meshConfig"], text: false };
  }
  return undefined;
}

/**
 * The mesh config an object sets, if it is one of the places a mesh config lives: the `mesh` key of the `istio`
 * ConfigMap (or a revision's `istio-<rev>`) in istio-system, the `meshConfig` of an IstioOperator, and the `meshConfig`
 * value of the istiod Helm chart installed by an Argo CD Application or a Flux HelmRelease (an istiod install without
 * one sets an empty mesh config: every field at Istio's default). A `mesh` that does not parse is left out.
 */
export function meshConfigOf(object: ManifestObject): MeshConfigSource | undefined {
  if (object.kind === "ConfigMap" && object.apiVersion === "v1" && namespaceOf(object) === ISTIO_ROOT_NAMESPACE && /^istio(-.+)?$/.test(object.name)) {
    const mesh = parsedYaml(asString(at(object.object, "data", "mesh")));
    return mesh === undefined ? undefined : { mesh, path: ["data", "mesh"], text: true };
  }
  if (object.kind === "IstioOperator" && object.apiVersion.startsWith("install.istio.io/")) {
    const mesh = asObject(at(object.object, "spec", "meshConfig"));
    return mesh === undefined ? undefined : { mesh, path: ["spec", "meshConfig"], text: false };
  }
  if (object.kind === "Application" && object.apiVersion.startsWith("argoproj.io/")) return applicationMeshConfig(object);
  if (object.kind === "HelmRelease" && object.apiVersion.startsWith("helm.toolkit.fluxcd.io/") && asString(at(object.object, "spec", "chart", "spec", "chart")) === ISTIOD_CHART) {
    return { mesh: asObject(at(object.object, "spec", "values", "meshConfig")) ?? {}, path: ["spec", "values", "meshConfig"], text: false };
  }
  return undefined;
}

/** The mesh configs among `objects` (see {@link meshConfigOf}). */
export function meshConfigs(objects: readonly ManifestObject[]): PlainObject[] {
  return objects.flatMap((object) => {
    const source = meshConfigOf(object);
    return source === undefined ? [] : [source.mesh];
  });
}

/** Whether a mesh config turns on DNS capture with automatic address allocation (`ISTIO_META_DNS_AUTO_ALLOCATE`). */
export function dnsAutoAllocates(objects: readonly ManifestObject[]): boolean {
  return meshConfigs(objects).some((mesh) => {
    const metadata = asObject(at(mesh, "defaultConfig", "proxyMetadata"));
    return metadata?.ISTIO_META_DNS_CAPTURE === "true" && metadata.ISTIO_META_DNS_AUTO_ALLOCATE === "true";
  });
}
