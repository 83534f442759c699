import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isQualifiedName } from "../../../support/apiserver-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { compareQuantities } from "../../../support/quantity.ts";
import { asObject } from "../../../support/values.ts";

const CONTAINER_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage"]);
/** helper.standardResources less the container ones: valid resource names, but not for containers. */
const OTHER_STANDARD_RESOURCES = new Set([
  "requests.cpu",
  "requests.memory",
  "requests.storage",
  "requests.ephemeral-storage",
  "limits.cpu",
  "limits.memory",
  "limits.ephemeral-storage",
  "pods",
  "services",
  "replicationcontrollers",
  "resourcequotas",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
]);

/** validateContainerResourceName: a standard container resource, or a fully qualified (extended) name. */
function resourceNameProblems(name: string): string[] {
  const qualified = isQualifiedName(name);
  if (qualified.length > 0) return qualified;
  if (name.includes("/")) {
    const native = name.includes("kubernetes.io/");
    const extended = !native && !name.startsWith("requests.") && isQualifiedName(`requests.${name}`).length === 0;
    return native || extended ? [] : ["doesn't follow extended resource name standard"];
  }
  if (CONTAINER_RESOURCES.has(name) || name.startsWith("hugepages-")) return [];
  const standard = OTHER_STANDARD_RESOURCES.has(name) || name.startsWith("requests.hugepages-");
  return [...(standard ? [] : ["must be a standard resource type or fully qualified"]), "must be a standard resource for containers"];
}

/**
 * A pod's `overhead` (validated as a container's resource limits, so reported at `overhead.limits[name]`) names
 * container resources and holds no negative quantity.
 */
export const podOverhead: ObjectRule = {
  id: "pod-overhead",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A pod's overhead names standard or fully qualified container resources with non-negative quantities.",
  upstreamMessage: 'spec.template.spec.overhead.limits[cpu]: Invalid value: "-250m": must be greater than or equal to 0',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const overhead = asObject(pod.spec.overhead);
    if (overhead === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const [name, value] of Object.entries(overhead)) {
      const path = [...pod.path, "overhead", "limits", key(name)];
      for (const message of resourceNameProblems(name)) problems.push({ path, message: invalid(name, message) });
      const quantity = typeof value === "number" ? String(value) : typeof value === "string" ? value : undefined;
      if (quantity !== undefined && (compareQuantities(quantity, "0") ?? 0) < 0) problems.push({ path, message: invalid(quantity, "must be greater than or equal to 0") });
    }
    return problems;
  },
};
