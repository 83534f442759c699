import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isValidPortNum } from "../../../support/apiserver-validation.ts";
import { serviceOf } from "../../../support/service-spec.ts";
import { asArray } from "../../../support/values.ts";

/**
 * `externalTrafficPolicy` is only for externally-accessible Services (NodePort, LoadBalancer, or ClusterIP with
 * external IPs); `healthCheckNodePort` only for a LoadBalancer with the Local policy, and then a port number.
 */
export const serviceTrafficPolicy: ObjectRule = {
  id: "service-traffic-policy",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "`externalTrafficPolicy` is set only on externally-accessible Services, and `healthCheckNodePort` only (as a port number) on LoadBalancers with the Local policy.",
  upstreamMessage: 'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
  kinds: new Set(["Service"]),
  check(object) {
    const service = serviceOf(object);
    if (service === undefined) return [];
    const { spec, type } = service;
    const problems: RuleProblem[] = [];
    const external = spec.externalTrafficPolicy;
    const externallyAccessible = type === "LoadBalancer" || type === "NodePort" || (type === "ClusterIP" && asArray(spec.externalIPs).length > 0);
    if (typeof external === "string" && external !== "" && !externallyAccessible) {
      problems.push({ path: ["spec", "externalTrafficPolicy"], message: invalid(external, "may only be set for externally-accessible services") });
    }
    const healthCheckNodePort = spec.healthCheckNodePort;
    if (typeof healthCheckNodePort === "number" && healthCheckNodePort !== 0) {
      const needsHealthCheck = type === "LoadBalancer" && external === "Local";
      if (!needsHealthCheck) {
        problems.push({ path: ["spec", "healthCheckNodePort"], message: invalid(healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'") });
      } else {
        for (const message of isValidPortNum(healthCheckNodePort)) problems.push({ path: ["spec", "healthCheckNodePort"], message: invalid(healthCheckNodePort, message) });
      }
    }
    return problems;
  },
};
