/** Resource names as the kube-apiserver's core validation judges them (`pkg/apis/core/helper`, Kubernetes 1.28). */
import { isQualifiedName } from "./apiserver-validation.ts";

const STANDARD_RESOURCES: ReadonlySet<string> = new Set([
  "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
  "limits.ephemeral-storage", "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims",
  "storage", "requests.storage", "services.nodeports", "services.loadbalancers",
]);

const STANDARD_QUOTA_RESOURCES: ReadonlySet<string> = new Set([
  "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.storage", "requests.ephemeral-storage", "limits.cpu",
  "limits.memory", "limits.ephemeral-storage", "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "persistentvolumeclaims",
  "configmaps", "services.nodeports", "services.loadbalancers",
]);

const INTEGER_RESOURCES: ReadonlySet<string> = new Set([
  "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports",
  "services.loadbalancers",
]);

const CONTAINER_RESOURCES: ReadonlySet<string> = new Set(["cpu", "memory", "ephemeral-storage"]);

/** `IsHugePageResourceName`. */
export function isHugePageResourceName(name: string): boolean {
  return name.startsWith("hugepages-");
}

function isQuotaHugePageResourceName(name: string): boolean {
  return name.startsWith("hugepages-") || name.startsWith("requests.hugepages-");
}

/** `IsNativeResource`: unprefixed, or in the `kubernetes.io/` namespace. */
export function isNativeResource(name: string): boolean {
  return !name.includes("/") || name.includes("kubernetes.io/");
}

/** `IsExtendedResourceName`: prefixed outside `kubernetes.io/`, not `requests.`, and a qualified name once prefixed with `requests.`. */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith("requests.")) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

/** `IsOvercommitAllowed`: native resources other than huge pages may be requested below their limit. */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

/** `IsIntegerResourceName`: object counts and extended resources. */
export function isIntegerResourceName(name: string): boolean {
  return INTEGER_RESOURCES.has(name) || isExtendedResourceName(name);
}

/** `validateResourceName`: a qualified name, and a standard resource when unprefixed (messages only). */
export function resourceNameErrors(name: string): string[] {
  const errors = isQualifiedName(name);
  if (errors.length > 0) return errors;
  if (!name.includes("/") && !STANDARD_RESOURCES.has(name) && !isQuotaHugePageResourceName(name)) return ["must be a standard resource type or fully qualified"];
  return [];
}

/** `validateContainerResourceName`: a resource name that a container (or pod) may request. */
export function containerResourceNameErrors(name: string): string[] {
  const errors = resourceNameErrors(name);
  if (!name.includes("/")) {
    if (!CONTAINER_RESOURCES.has(name) && !isHugePageResourceName(name)) errors.push("must be a standard resource for containers");
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errors.push("doesn't follow extended resource name standard");
  }
  return errors;
}

/** `ValidateResourceQuotaResourceName`: a resource name that a quota may limit. */
export function quotaResourceNameErrors(name: string): string[] {
  const errors = resourceNameErrors(name);
  if (!name.includes("/") && !STANDARD_QUOTA_RESOURCES.has(name) && !isQuotaHugePageResourceName(name)) errors.push("must be a standard resource for quota");
  return errors;
}

/** `IsStandardQuotaResourceName`. */
export function isStandardQuotaResourceName(name: string): boolean {
  return STANDARD_QUOTA_RESOURCES.has(name) || isQuotaHugePageResourceName(name);
}
