import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { probedContainersOf } from "../../../support/container-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { PROBE_FIELDS } from "../../../support/probes.ts";
import { asObject } from "../../../support/values.ts";

/**
 * A probe's `terminationGracePeriodSeconds` (the grace period when the probe's failure kills the container) is above
 * 0, and only liveness and startup probes set it: a failing readiness probe kills nothing.
 */
export const probeTerminationGracePeriod: ObjectRule = {
  id: "probe-termination-grace-period",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Probe terminationGracePeriodSeconds is greater than 0, and readiness probes do not set it.",
  upstreamMessage: "spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes",
  kinds: POD_SPEC_KINDS,
  check(object, context) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of probedContainersOf(pod.spec, pod.path, context.versions)) {
      for (const probeField of PROBE_FIELDS) {
        const seconds = asObject(container[probeField])?.terminationGracePeriodSeconds;
        if (typeof seconds !== "number") continue;
        const where = [...path, probeField, "terminationGracePeriodSeconds"];
        if (seconds <= 0) problems.push({ path: where, message: invalid(seconds, "must be greater than 0") });
        if (probeField === "readinessProbe") problems.push({ path: where, message: invalid(seconds, "must not be set for readinessProbes") });
      }
    }
    return problems;
  },
};
