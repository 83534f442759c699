import { environmentIndex, hostFqdn, namespaceOf } from "../../../analysis/environment-index.ts";
import { destinationsOf, isVirtualService } from "../../../analysis/virtual-service-destinations.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";

/** istioctl's IST0101 for subsets: a destination's subset is defined by a DestinationRule for its host. */
export const virtualServiceSubsetNotFound: GroupRule = {
  id: "virtual-service-subset-not-found",
  category: "analysis",
  scope: "group",
  severity: "error",
  description: "Every subset a VirtualService routes to is defined by a DestinationRule for that host (istioctl IST0101).",
  upstreamMessage: 'Error [IST0101] (VirtualService default/reviews) Referenced host+subset in destinationrule not found: "reviews+v4"',
  check(objects) {
    const index = environmentIndex(objects);
    const problems: GroupProblem[] = [];
    for (const object of objects.filter(isVirtualService)) {
      const namespace = namespaceOf(object) ?? "default";
      for (const destination of destinationsOf(object)) {
        if (destination.subset === undefined) continue;
        const rules = index.destinationRules.get(hostFqdn(destination.host, namespace)) ?? [];
        if (rules.some((rule) => rule.subsets.has(destination.subset!))) continue;
        problems.push({
          object,
          path: [...destination.path, "subset"],
          message: `Referenced host+subset in destinationrule not found: "${destination.host}+${destination.subset}" (IST0101)`,
        });
      }
    }
    return problems;
  },
};
