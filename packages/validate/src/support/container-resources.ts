/** Container resource names as the apiserver classifies them (pkg/apis/core/helper). */
import type { FieldPath } from "../field-path.ts";
import { isQualifiedName } from "./apiserver-validation.ts";
import { asObject, at, type PlainObject } from "./values.ts";

/** Whether a resource is a huge page size (`hugepages-2Mi`). */
export function isHugePageResourceName(name: string): boolean {
  return name.startsWith("hugepages-");
}

/** Whether a resource is in the `kubernetes.io/` namespace (unprefixed names implicitly are). */
export function isNativeResource(name: string): boolean {
  return !name.includes("/") || name.includes("kubernetes.io/");
}

/** Whether a resource may be requested below its limit: native resources other than huge pages. */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

/** Whether a name is an extended resource: outside `kubernetes.io/`, not `requests.`-prefixed, a qualified name as a quota key. */
export function isExtendedResourceName(name: string): boolean {
  return !isNativeResource(name) && !name.startsWith("requests.") && isQualifiedName(`requests.${name}`).length === 0;
}

/** Resources counted in whole units: object counts and extended resources (helper.IsIntegerResourceName). */
const INTEGER_RESOURCES: ReadonlySet<string> = new Set([
  "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports", "services.loadbalancers",
]);

/** Whether a resource's quantities must be whole numbers. */
export function isIntegerResourceName(name: string): boolean {
  return INTEGER_RESOURCES.has(name) || isExtendedResourceName(name);
}

/**
 * The requests of a container as written, without those the apiserver's defaulting copied from its limits (judged
 * once, at the limit). `path` is the container's path in the object.
 */
export function writtenRequests(raw: unknown, containerPath: FieldPath): PlainObject {
  return asObject(at(raw, ...containerPath, "resources", "requests")) ?? {};
}
