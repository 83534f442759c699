import { compareStrings } from "@cloudlab/model";

/** What identifies one rendered object across two renders. */
export interface ObjectKey {
  /** The environment (the first folder of the rendered path), e.g. `prod-us-west-2`. */
  readonly environment: string;
  /** e.g. `apps/v1`. */
  readonly apiVersion: string;
  /** e.g. `Deployment`. */
  readonly kind: string;
  /** The namespace; absent for a cluster-scoped object. */
  readonly namespace?: string;
  /** `metadata.name`. */
  readonly name: string;
}

/** `Kind/namespace/name`, or `Kind/name` for a cluster-scoped object: how reports name an object. */
export function objectId(key: Pick<ObjectKey, "kind" | "namespace" | "name">): string {
  return key.namespace === undefined ? `${key.kind}/${key.name}` : `${key.kind}/${key.namespace}/${key.name}`;
}

/** One string per key: environment, apiVersion, kind, namespace, name. */
export function objectKeyString(key: ObjectKey): string {
  return [key.environment, key.apiVersion, key.kind, key.namespace ?? "", key.name].join("\u0000");
}

/** Orders keys by namespace, kind, name, then apiVersion (within one environment). */
export function compareObjectKeys(a: ObjectKey, b: ObjectKey): number {
  return (
    compareStrings(a.namespace ?? "", b.namespace ?? "") ||
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.name, b.name) ||
    compareStrings(a.apiVersion, b.apiVersion)
  );
}
