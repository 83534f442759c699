/** A rendered Kubernetes object as plain JSON: what the analyses read. */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Readonly<Record<string, string>> };
  readonly spec?: unknown;
  readonly [key: string]: unknown;
}

/** A problem an analysis found in one object. */
export interface ObjectFinding {
  /** The object, as `Kind/namespace/name` (or `Kind/name`). */
  readonly object: string;
  /** What is wrong, starting with the field's path. */
  readonly message: string;
}

/** `Kind/namespace/name`, or `Kind/name` for a cluster-scoped object. */
export function objectId(manifest: Pick<Manifest, "kind" | "metadata">): string {
  const { kind, metadata } = manifest;
  return metadata.namespace === undefined ? `${kind}/${metadata.name}` : `${kind}/${metadata.namespace}/${metadata.name}`;
}

/** Whether every label of `selector` is on `labels`. */
export function selects(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>> | undefined): boolean {
  return Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}
