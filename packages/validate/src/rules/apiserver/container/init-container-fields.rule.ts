import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden } from "../../../support/apiserver-validation.ts";
import { isRestartableInitContainer } from "../../../support/container-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";

const FIELDS = ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"] as const;

/**
 * Init containers run to completion, so they have no lifecycle hooks and no probes, unless they are restartable
 * sidecars (`restartPolicy: Always`, Kubernetes 1.29+ where the SidecarContainers gate is on by default).
 */
export const initContainerFields: ObjectRule = {
  id: "init-container-fields",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Init containers that are not restartable sidecars set no lifecycle hooks and no liveness, readiness or startup probe.",
  upstreamMessage: "spec.template.spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
  kinds: POD_SPEC_KINDS,
  check(object, context) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of containersOf(pod.spec, pod.path, ["initContainers"])) {
      if (isRestartableInitContainer(container, context.versions)) continue;
      for (const field of FIELDS) {
        if (container[field] !== undefined && container[field] !== null) {
          problems.push({ path: [...path, field], message: forbidden("may not be set for init containers without restartPolicy=Always") });
        }
      }
    }
    return problems;
  },
};
