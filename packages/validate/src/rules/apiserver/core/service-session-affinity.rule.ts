import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { serviceOf } from "../../../support/service-spec.ts";
import { at } from "../../../support/values.ts";

/** `core.MaxClientIPServiceAffinitySeconds`: one day. */
const MAX_TIMEOUT_SECONDS = 86400;

/** A Service's ClientIP session affinity times out after 1 to 86400 seconds (the default is 10800). */
export const serviceSessionAffinity: ObjectRule = {
  id: "service-session-affinity",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A Service's ClientIP session affinity timeoutSeconds is between 1 and 86400.",
  upstreamMessage: "spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400",
  kinds: new Set(["Service"]),
  check(object) {
    const service = serviceOf(object);
    if (service === undefined) return [];
    const affinity = service.spec.sessionAffinity;
    const problems: RuleProblem[] = [];
    if (affinity === "ClientIP") {
      const timeout = at(service.spec, "sessionAffinityConfig", "clientIP", "timeoutSeconds");
      if (typeof timeout === "number" && (timeout <= 0 || timeout > MAX_TIMEOUT_SECONDS)) {
        problems.push({
          path: ["spec", "sessionAffinityConfig", "clientIP", "timeoutSeconds"],
          message: invalid(timeout, `must be greater than 0 and less than ${MAX_TIMEOUT_SECONDS}`),
        });
      }
    }
    return problems;
  },
};
