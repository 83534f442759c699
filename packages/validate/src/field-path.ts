/** A map key in a field path (labels, annotations, resource names), written `[key]`. */
export interface MapKey {
  readonly key: string;
}

/** A path segment: a field name, an array index, or a map key. */
export type PathSegment = string | number | MapKey;

/** A field path as segments, e.g. `["spec", "containers", 0, "name"]`. */
export type FieldPath = readonly PathSegment[];

/** A map key segment: `key("cpu")` is written `[cpu]`. */
export function key(name: string): MapKey {
  return { key: name };
}

/** The text a segment matches in the YAML: the field name, the key, or the index. */
export function segmentText(segment: PathSegment): string {
  return typeof segment === "object" ? segment.key : String(segment);
}

/**
 * The kube-apiserver's notation (`field.Path`): `.child`, `[index]` and `[key]`, e.g. `spec.containers[0].name`,
 * `metadata.labels[app.kubernetes.io/name]`, `resources.requests[cpu]`.
 */
export function formatPath(path: FieldPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "object") out += `[${segment.key}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}
