import type { FieldPath } from "./field-path.ts";
import type { Position } from "./parse/parse-source.ts";
import { applyDefaults } from "./defaults/apply-defaults.ts";
import { asObject, asString, type PlainObject } from "./support/values.ts";

/** One Kubernetes object of a file, as written and as the apiserver would default it. */
export interface ManifestObject {
  /** The file it was read from. */
  readonly file: string;
  /** The environment of the file, when it belongs to one. */
  readonly environment?: string;
  readonly apiVersion: string;
  readonly kind: string;
  /** `metadata.name` (or `generateName`, or empty). */
  readonly name: string;
  /** `metadata.namespace` as written. */
  readonly namespace?: string;
  /** The object as written (empty when the document is not a mapping). */
  readonly raw: Readonly<PlainObject>;
  /** The YAML document (or `List` item) exactly as parsed, whatever its type. */
  readonly document: unknown;
  /** The object after the apiserver's defaulting: what the semantic rules check, so defaults never cause errors. */
  readonly object: Readonly<PlainObject>;
  /** Where a field of this object is in its file. */
  locate(path: FieldPath): Position;
}

/** `Kind/name` (or `Kind` when it has no name), how findings name an object. */
export function resourceName(object: Pick<ManifestObject, "kind" | "name">): string {
  return object.name === "" ? object.kind : `${object.kind}/${object.name}`;
}

/** The namespace the object lives in for cross-resource analysis (`default` when none is written). */
export function effectiveNamespace(object: Pick<ManifestObject, "namespace">): string {
  return object.namespace ?? "default";
}

/** A document (or List item) as a {@link ManifestObject}: its identity read defensively, its defaults applied. */
export function manifestObject(file: string, environment: string | undefined, document: unknown, locate: ManifestObject["locate"]): ManifestObject {
  const raw = asObject(document) ?? {};
  const metadata = asObject(raw.metadata);
  const apiVersion = asString(raw.apiVersion) ?? "";
  const kind = asString(raw.kind) ?? "";
  const namespace = asString(metadata?.namespace);
  return {
    file,
    ...(environment === undefined ? {} : { environment }),
    apiVersion,
    kind,
    name: asString(metadata?.name) ?? asString(metadata?.generateName) ?? "",
    ...(namespace === undefined ? {} : { namespace }),
    raw,
    document,
    object: apiVersion === "" || kind === "" ? raw : applyDefaults(apiVersion, kind, raw),
    locate,
  };
}
