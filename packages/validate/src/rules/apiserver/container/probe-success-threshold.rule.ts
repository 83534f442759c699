import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { probedContainersOf } from "../../../support/container-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asObject } from "../../../support/values.ts";

/** Liveness and startup probes succeed after one success: their `successThreshold` is 1 (the default). */
export const probeSuccessThreshold: ObjectRule = {
  id: "probe-success-threshold",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Liveness and startup probes have successThreshold 1.",
  upstreamMessage: "spec.containers[0].livenessProbe.successThreshold: Invalid value: 3: must be 1",
  kinds: POD_SPEC_KINDS,
  check(object, context) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of probedContainersOf(pod.spec, pod.path, context.versions)) {
      for (const field of ["livenessProbe", "startupProbe"]) {
        const threshold = asObject(container[field])?.successThreshold;
        if (typeof threshold === "number" && threshold !== 1) problems.push({ path: [...path, field, "successThreshold"], message: invalid(threshold, "must be 1") });
      }
    }
    return problems;
  },
};
