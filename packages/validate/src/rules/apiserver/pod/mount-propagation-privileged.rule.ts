import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject, at } from "../../../support/values.ts";

/**
 * A volume mount with `mountPropagation: Bidirectional` is in a privileged container (validateMountPropagation). The
 * apiserver reports it at `volumeMounts.mountPropagation`, without the mount's index.
 */
export const mountPropagationPrivileged: ObjectRule = {
  id: "mount-propagation-privileged",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Only privileged containers use Bidirectional mount propagation.",
  upstreamMessage: "spec.template.spec.containers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      if (at(container, "securityContext", "privileged") === true) continue;
      for (const item of asArray(container.volumeMounts)) {
        if (asObject(item)?.mountPropagation !== "Bidirectional") continue;
        problems.push({ path: [...path, "volumeMounts", "mountPropagation"], message: forbidden("Bidirectional mount propagation is available only to privileged containers") });
      }
    }
    return problems;
  },
};
