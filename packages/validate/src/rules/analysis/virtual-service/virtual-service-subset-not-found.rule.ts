import { namespaceOf } from "../../../analysis/environment-index.ts";
import { hostResourceName } from "../../../analysis/host-resolution.ts";
import { isVirtualService } from "../../../analysis/virtual-service-destinations.ts";
import { routeDestinationsOf } from "../../../analysis/virtual-service-routes.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asArray, asObject, asString, at } from "../../../support/values.ts";

/** The subsets DestinationRules define: by `namespace/name` of the host (istioctl's key), and by host as written. */
interface SubsetIndex {
  readonly byName: ReadonlySet<string>;
  readonly byHost: ReadonlySet<string>;
}

function subsetIndex(objects: readonly ManifestObject[]): SubsetIndex {
  const byName = new Set<string>();
  const byHost = new Set<string>();
  for (const object of objects) {
    if (object.kind !== "DestinationRule" || !object.apiVersion.startsWith("networking.istio.io/")) continue;
    const host = asString(at(object.object, "spec", "host"));
    if (host === undefined) continue;
    const name = hostResourceName(namespaceOf(object) ?? "default", host);
    for (const item of asArray(at(object.object, "spec", "subsets"))) {
      const subset = asString(asObject(item)?.name);
      if (subset === undefined) continue;
      byName.add(`${name}+${subset}`);
      byHost.add(`${host}+${subset}`);
    }
  }
  return { byName, byHost };
}

/** A host outside the cluster domain (`api.example.com`): neither a short name nor a `*.cluster.local` name. */
function isExternalHost(host: string): boolean {
  return host.includes(".") && !host.endsWith(".cluster.local");
}

/**
 * istioctl's IST0101 for subsets (`virtualservice.DestinationRuleAnalyzer`): a destination's subset is defined by a
 * DestinationRule for its host. Hosts are compared as istioctl does: `name.ns.svc.cluster.local` is `ns/name`, any other
 * host is itself in the rule's namespace (so `reviews` and `reviews.<ns>.svc.cluster.local` are the same). Unlike
 * istioctl, a host outside the cluster domain (`api.example.com`) also finds a DestinationRule of another namespace,
 * as Istio applies it.
 */
export const virtualServiceSubsetNotFound: GroupRule = {
  id: "virtual-service-subset-not-found",
  category: "analysis",
  scope: "group",
  code: "IST0101",
  severity: "error",
  description: "Every subset a VirtualService routes or mirrors to is defined by a DestinationRule for that host (istioctl IST0101).",
  upstreamMessage: 'Error [IST0101] (VirtualService default/reviews) Referenced host+subset in destinationrule not found: "reviews+v4"',
  check(objects) {
    let index: SubsetIndex | undefined;
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (!isVirtualService(object)) continue;
      const namespace = namespaceOf(object) ?? "default";
      for (const destination of routeDestinationsOf(object)) {
        if (destination.subset === undefined || destination.subset === "") continue;
        index ??= subsetIndex(objects);
        if (index.byName.has(`${hostResourceName(namespace, destination.host)}+${destination.subset}`)) continue;
        if (isExternalHost(destination.host) && index.byHost.has(`${destination.host}+${destination.subset}`)) continue;
        const kind = destination.mirror ? "mirror+subset" : "host+subset";
        problems.push({
          object,
          unresolved: true,
          path: [...destination.path, "subset"],
          message: `Referenced ${kind} in destinationrule not found: "${destination.host}+${destination.subset}" (IST0101)`,
        });
      }
    }
    return problems;
  },
};
