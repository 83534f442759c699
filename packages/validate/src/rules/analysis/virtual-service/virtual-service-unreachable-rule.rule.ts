import { isVirtualService } from "../../../analysis/virtual-service-destinations.ts";
import { unreachableRulesOf } from "../../../analysis/virtual-service-unreachable.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";

/**
 * istioctl's IST0130 (from Istio's VirtualService validation warnings): no `http`, `tcp` or `tls` rule is unreachable —
 * a rule without matches takes every request, so only the last rule may have none (and every rule after it is never
 * used), and a rule whose matches all repeat earlier matches is never used. Rules are named `#<index>`, HTTP rules by
 * their quoted `name` when they have one.
 */
export const virtualServiceUnreachableRule: GroupRule = {
  id: "virtual-service-unreachable-rule",
  category: "analysis",
  scope: "group",
  code: "IST0130",
  severity: "warning",
  description: "Every VirtualService rule can be reached: no earlier rule takes all of its requests (istioctl IST0130).",
  upstreamMessage: "Warning [IST0130] (VirtualService default/web) VirtualService rule #1 not used (only the last rule can have no matches).",
  check(objects) {
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (!isVirtualService(object)) continue;
      for (const { path, rule, reason } of unreachableRulesOf(object).rules) {
        problems.push({ object, path, message: `VirtualService rule ${rule} not used (${reason}). (IST0130)` });
      }
    }
    return problems;
  },
};
