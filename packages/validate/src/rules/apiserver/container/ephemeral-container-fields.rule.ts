import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden, notFound } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject } from "../../../support/values.ts";

/** Container fields an ephemeral container may not set (those outside the apiserver's allow list), in field order. */
const FORBIDDEN_FIELDS = ["ports", "resources", "resizePolicy", "restartPolicy", "livenessProbe", "readinessProbe", "startupProbe", "lifecycle"] as const;

/** Whether a field holds a non-zero value, as Go compares it with its zero value. */
function isSet(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  const object = asObject(value);
  return object === undefined || Object.values(object).some((v) => v !== undefined && v !== null);
}

/**
 * An ephemeral container leaves out ports, resources, probes, lifecycle hooks and restart policies, mounts no
 * subPath, and targets an existing non-ephemeral container. (That a Pod is not created with ephemeral containers and a
 * template holds none: `ephemeral-containers`, `template-ephemeral-containers`.)
 */
export const ephemeralContainerFields: ObjectRule = {
  id: "ephemeral-container-fields",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Ephemeral containers set no ports, resources, probes, lifecycle hooks, restart policies or subPaths, and target an existing container.",
  upstreamMessage: "spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const list = asArray(pod.spec.ephemeralContainers);
    if (list.length === 0) return [];
    const problems: RuleProblem[] = [];
    const others = new Set(containersOf(pod.spec, pod.path, ["containers", "initContainers"]).map((c) => c.container.name));
    for (const { path, container } of containersOf(pod.spec, pod.path, ["ephemeralContainers"])) {
      const target = container.targetContainerName;
      if (typeof target === "string" && target !== "" && !others.has(target)) problems.push({ path: [...path, "targetContainerName"], message: notFound(target) });
      for (const field of FORBIDDEN_FIELDS) {
        if (isSet(container[field]) || (field === "ports" && Array.isArray(container[field]))) problems.push({ path: [...path, field], message: forbidden("cannot be set for an Ephemeral Container") });
      }
      asArray(container.volumeMounts).forEach((item, index) => {
        const mount = asObject(item);
        for (const field of ["subPath", "subPathExpr"]) {
          if (typeof mount?.[field] === "string" && mount[field] !== "") problems.push({ path: [...path, "volumeMounts", index, field], message: forbidden("cannot be set for an Ephemeral Container") });
        }
      });
    }
    return problems;
  },
};
