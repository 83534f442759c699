import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { duplicate, invalid, isDns1123Label, required } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";

/**
 * Every container (init, regular, ephemeral) has a name that is a DNS-1123 label, unique in its pod. The apiserver
 * checks the regular containers first, then the init containers against them, then the ephemeral containers against
 * both: a name clash is reported on the later list's container.
 */
export const containerName: ObjectRule = {
  id: "container-name",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Container names are present, DNS-1123 labels, and unique across a pod's init, regular and ephemeral containers.",
  upstreamMessage: 'spec.template.spec.containers[1].name: Duplicate value: "app"',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    const seen = new Set<string>();
    for (const { path, container } of containersOf(pod.spec, pod.path, ["containers", "initContainers", "ephemeralContainers"])) {
      const name = container.name;
      if (name === undefined || name === null || name === "") {
        problems.push({ path: [...path, "name"], message: required() });
        continue;
      }
      if (typeof name !== "string") continue;
      for (const message of isDns1123Label(name)) problems.push({ path: [...path, "name"], message: invalid(name, message) });
      if (seen.has(name)) problems.push({ path: [...path, "name"], message: duplicate(name) });
      seen.add(name);
    }
    return problems;
  },
};
