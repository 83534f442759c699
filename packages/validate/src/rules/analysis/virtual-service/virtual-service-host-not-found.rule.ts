import { environmentIndex, hostFqdn, hostMatches, namespaceOf } from "../../../analysis/environment-index.ts";
import { destinationsOf, isVirtualService } from "../../../analysis/virtual-service-destinations.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";

/**
 * istioctl's IST0101 for destinations: every host a VirtualService routes or mirrors to is a Service of the
 * environment (`name` in the VirtualService's namespace, or `name.namespace.svc.cluster.local`) or a ServiceEntry
 * host.
 */
export const virtualServiceHostNotFound: GroupRule = {
  id: "virtual-service-host-not-found",
  category: "analysis",
  scope: "group",
  severity: "error",
  description: "Every VirtualService destination host is a Service or ServiceEntry host of the environment (istioctl IST0101).",
  upstreamMessage: 'Error [IST0101] (VirtualService default/reviews) Referenced host not found: "reviews"',
  check(objects) {
    const index = environmentIndex(objects);
    const problems: GroupProblem[] = [];
    for (const object of objects.filter(isVirtualService)) {
      const namespace = namespaceOf(object) ?? "default";
      for (const destination of destinationsOf(object)) {
        const fqdn = hostFqdn(destination.host, namespace);
        if (index.services.has(fqdn) || index.serviceEntryHosts.some((h) => hostMatches(h, fqdn))) continue;
        problems.push({ object, path: [...destination.path, "host"], message: `Referenced host not found: "${destination.host}" (IST0101)` });
      }
    }
    return problems;
  },
};
