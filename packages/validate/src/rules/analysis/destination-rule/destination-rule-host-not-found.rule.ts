import { destinationRuleHost, isDestinationRule } from "../../../analysis/destination-rules.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";

/**
 * istioctl's IST0174 (`destinationrule.SubsetSelectPodAnalyzer`): a DestinationRule's host is a Service or ServiceEntry
 * host visible to it, resolved as a VirtualService destination is (short name in its namespace, other names as
 * written, `exportTo` scoping, wildcard ServiceEntry hosts covering their suffix). Unlike istioctl, a wildcard host such
 * as `*.local` or `*.svc.cluster.local` that covers some registered host is accepted (mesh-wide rules).
 */
export const destinationRuleHostNotFound: GroupRule = {
  id: "destination-rule-host-not-found",
  category: "analysis",
  scope: "group",
  code: "IST0174",
  severity: "warning",
  description: "A DestinationRule's host is a Service or ServiceEntry host visible to it (istioctl IST0174).",
  upstreamMessage: "Warning [IST0174] (DestinationRule default/reviews) The host reviews defined in the DestinationRule does not match any services in the mesh.",
  check(objects) {
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (!isDestinationRule(object)) continue;
      const resolved = destinationRuleHost(objects, object);
      if (resolved === undefined || resolved.target !== undefined || resolved.coversHosts) continue;
      problems.push({
        object,
        unresolved: true,
        path: ["spec", "host"],
        message: `The host ${resolved.host} defined in the DestinationRule does not match any services in the mesh. (IST0174)`,
      });
    }
    return problems;
  },
};
