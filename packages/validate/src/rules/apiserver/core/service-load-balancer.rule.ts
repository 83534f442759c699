import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden, invalid, isQualifiedName } from "../../../support/apiserver-validation.ts";
import { parseCidrSloppy } from "../../../support/ip-address.ts";
import { serviceOf } from "../../../support/service-spec.ts";
import { asArray, asString, at } from "../../../support/values.ts";

const SOURCE_RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";
const ONLY_LOAD_BALANCER = "may only be used when `type` is 'LoadBalancer'";
const NOT_CIDRS = "must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24 ";

/**
 * The LoadBalancer-only fields (`loadBalancerSourceRanges` or its annotation, `allocateLoadBalancerNodePorts`,
 * `loadBalancerClass`) are set only on LoadBalancer Services; source ranges are CIDRs, the class a qualified name.
 * The apiserver (1.28) writes the source ranges' path `spec.LoadBalancerSourceRanges`, capitalised.
 */
export const serviceLoadBalancer: ObjectRule = {
  id: "service-load-balancer",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "`loadBalancerSourceRanges` (or its annotation), `allocateLoadBalancerNodePorts` and `loadBalancerClass` are set only on LoadBalancer Services, with CIDR ranges and a qualified-name class.",
  upstreamMessage: "spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'",
  kinds: new Set(["Service"]),
  check(object) {
    const service = serviceOf(object);
    if (service === undefined) return [];
    const { spec, type } = service;
    const loadBalancer = type === "LoadBalancer";
    const problems: RuleProblem[] = [];
    const ranges = asArray(spec.loadBalancerSourceRanges);
    const annotation = asString(at(object.object, "metadata", "annotations", SOURCE_RANGES_ANNOTATION));
    if (ranges.length > 0) {
      if (!loadBalancer) problems.push({ path: ["spec", "LoadBalancerSourceRanges"], message: forbidden(ONLY_LOAD_BALANCER) });
      ranges.forEach((range, index) => {
        if (typeof range !== "string") return;
        const value = range.trim();
        if (parseCidrSloppy(value) === undefined) problems.push({ path: ["spec", "LoadBalancerSourceRanges", index], message: invalid(value, NOT_CIDRS) });
      });
    } else if (annotation !== undefined) {
      const path = ["metadata", "annotations", key(SOURCE_RANGES_ANNOTATION)];
      if (!loadBalancer) problems.push({ path, message: forbidden(ONLY_LOAD_BALANCER) });
      const value = annotation.trim();
      if (value !== "" && !value.split(",").every((cidr) => parseCidrSloppy(cidr.trim()) !== undefined)) problems.push({ path, message: invalid(value, NOT_CIDRS) });
    }
    if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && !loadBalancer) {
      problems.push({ path: ["spec", "allocateLoadBalancerNodePorts"], message: forbidden(ONLY_LOAD_BALANCER) });
    }
    const loadBalancerClass = spec.loadBalancerClass;
    if (typeof loadBalancerClass === "string") {
      if (!loadBalancer) problems.push({ path: ["spec", "loadBalancerClass"], message: forbidden(ONLY_LOAD_BALANCER) });
      else for (const message of isQualifiedName(loadBalancerClass)) problems.push({ path: ["spec", "loadBalancerClass"], message: invalid(loadBalancerClass, message) });
    }
    return problems;
  },
};
