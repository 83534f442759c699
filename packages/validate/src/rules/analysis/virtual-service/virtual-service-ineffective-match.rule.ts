import { isVirtualService } from "../../../analysis/virtual-service-destinations.ts";
import { unreachableRulesOf } from "../../../analysis/virtual-service-unreachable.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";

/**
 * istioctl's IST0131 (from Istio's VirtualService validation warnings; istioctl's level is Info, reported here as a
 * warning): no match of a VirtualService rule repeats an earlier match (compared field by field, the match `name`
 * aside), and no HTTP URI-prefix match is covered by an earlier, shorter prefix with the same port, method, authority,
 * headers, query parameters and excluded headers (values equal, or the earlier one starting with the later one).
 */
export const virtualServiceIneffectiveMatch: GroupRule = {
  id: "virtual-service-ineffective-match",
  category: "analysis",
  scope: "group",
  code: "IST0131",
  severity: "warning",
  description: "No VirtualService match repeats or is covered by an earlier match (istioctl IST0131).",
  upstreamMessage: "Info [IST0131] (VirtualService default/web) VirtualService rule #1 match #0 is not used (duplicate/overlapping match in rule #0).",
  check(objects) {
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (!isVirtualService(object)) continue;
      for (const { path, rule, match, duplicate } of unreachableRulesOf(object).matches) {
        problems.push({ object, path, message: `VirtualService rule ${rule} match ${match} is not used (duplicate/overlapping match in rule ${duplicate}). (IST0131)` });
      }
    }
    return problems;
  },
};
