import type { FieldPath } from "../../../field-path.ts";
import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isQualifiedName } from "../../../support/apiserver-validation.ts";
import { isExtendedResourceName, isHugePageResourceName, isNativeResource, writtenRequests } from "../../../support/container-resources.ts";
import { containersOf, podSpecOf } from "../../../support/pod-spec.ts";
import { asObject } from "../../../support/values.ts";

/** Resource names the apiserver knows (helper.IsStandardResourceName, without the huge page prefixes). */
const STANDARD_RESOURCES: ReadonlySet<string> = new Set([
  "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
  "limits.ephemeral-storage", "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims",
  "storage", "requests.storage", "services.nodeports", "services.loadbalancers",
]);
const CONTAINER_RESOURCES: ReadonlySet<string> = new Set(["cpu", "memory", "ephemeral-storage"]);

/** validateContainerResourceName: the apiserver's messages for a container resource name. */
function resourceNameErrors(name: string): string[] {
  const qualified = isQualifiedName(name);
  const errors = qualified.length > 0 ? qualified : !name.includes("/") && !STANDARD_RESOURCES.has(name) && !name.startsWith("hugepages-") && !name.startsWith("requests.hugepages-") ? ["must be a standard resource type or fully qualified"] : [];
  if (!name.includes("/")) {
    if (!CONTAINER_RESOURCES.has(name) && !isHugePageResourceName(name)) errors.push("must be a standard resource for containers");
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errors.push("doesn't follow extended resource name standard");
  }
  return errors;
}

/**
 * Container resource names are `cpu`, `memory`, `ephemeral-storage`, `hugepages-<size>`, or a domain-qualified
 * extended resource (`example.com/gpu`). Requests the apiserver defaulted from limits are not judged twice.
 */
export const resourceName: ObjectRule = {
  id: "resource-name",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Container resource limits and requests name cpu, memory, ephemeral-storage, hugepages-<size> or a domain-qualified extended resource.",
  upstreamMessage: 'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    const check = (names: Iterable<string>, where: FieldPath) => {
      for (const name of names) for (const message of resourceNameErrors(name)) problems.push({ path: [...where, key(name)], message: invalid(name, message) });
    };
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      const resources = asObject(container.resources);
      const limits = asObject(resources?.limits) ?? {};
      check(Object.keys(limits), [...path, "resources", "limits"]);
      const written = writtenRequests(object.raw, path);
      check(Object.keys(asObject(resources?.requests) ?? {}).filter((name) => name in written), [...path, "resources", "requests"]);
    }
    return problems;
  },
};
