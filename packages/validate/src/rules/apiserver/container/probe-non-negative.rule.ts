import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { probedContainersOf } from "../../../support/container-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { PROBE_FIELDS } from "../../../support/probes.ts";
import { asObject } from "../../../support/values.ts";

const FIELDS = ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"] as const;

/**
 * A probe's delays, timeout, period and thresholds are not negative. (Zero timeouts, periods and thresholds are
 * defaulted before validation: 1 second, 10 seconds, 1 and 3.)
 */
export const probeNonNegative: ObjectRule = {
  id: "probe-non-negative",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Probe initialDelaySeconds, timeoutSeconds, periodSeconds, successThreshold and failureThreshold are not negative.",
  upstreamMessage: "spec.containers[0].livenessProbe.periodSeconds: Invalid value: -5: must be greater than or equal to 0",
  kinds: POD_SPEC_KINDS,
  check(object, context) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of probedContainersOf(pod.spec, pod.path, context.versions)) {
      for (const probeField of PROBE_FIELDS) {
        const probe = asObject(container[probeField]);
        if (probe === undefined) continue;
        for (const field of FIELDS) {
          const value = probe[field];
          if (typeof value === "number" && value < 0) problems.push({ path: [...path, probeField, field], message: invalid(value, "must be greater than or equal to 0") });
        }
      }
    }
    return problems;
  },
};
