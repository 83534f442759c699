import { namespaceOf } from "../../../analysis/environment-index.ts";
import { specGatewaysOf } from "../../../analysis/gateway-references.ts";
import { isVirtualService } from "../../../analysis/virtual-service-destinations.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asArray, asObject, asString, at } from "../../../support/values.ts";

function fullName(object: ManifestObject): string {
  return `${namespaceOf(object) ?? "default"}/${object.name}`;
}

/** The hosts each VirtualService routes to by subset, when the host is one of its own `hosts` (compared as written). */
function subsetRoutedHosts(objects: readonly ManifestObject[]): Map<string, string[]> {
  const byHost = new Map<string, string[]>();
  for (const object of objects) {
    if (!isVirtualService(object)) continue;
    const hosts = new Set(asArray(at(object.object, "spec", "hosts")).filter((h): h is string => typeof h === "string"));
    for (const route of asArray(at(object.object, "spec", "http"))) {
      for (const item of asArray(asObject(route)?.route)) {
        const destination = asObject(asObject(item)?.destination);
        const host = asString(destination?.host);
        if (host === undefined || !hosts.has(host) || (asString(destination?.subset) ?? "") === "") continue;
        const names = byHost.get(host) ?? [];
        if (!names.includes(fullName(object))) names.push(fullName(object));
        byHost.set(host, names);
      }
    }
  }
  return byHost;
}

/**
 * istioctl's IST0140 (`virtualservice.DestinationHostAnalyzer`): a VirtualService bound to gateways routes to a host
 * without a subset while another VirtualService of that host splits it by subsets. A gateway uses only the
 * VirtualServices bound to it, so those subset rules do not apply to its requests. Hosts are compared as written.
 */
export const virtualServiceIngressSubsetIgnored: GroupRule = {
  id: "virtual-service-ingress-subset-ignored",
  category: "analysis",
  scope: "group",
  code: "IST0140",
  severity: "warning",
  description: "A gateway-bound VirtualService routes to a subset when another VirtualService of that host routes by subsets (istioctl IST0140).",
  upstreamMessage: "Warning [IST0140] (VirtualService default/reviews-ingress) Subset in virtual service default/reviews has no effect on ingress gateway default/reviews-ingress requests",
  check(objects) {
    let bySubsets: Map<string, string[]> | undefined;
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (!isVirtualService(object) || specGatewaysOf(object).length === 0) continue;
      asArray(at(object.object, "spec", "http")).forEach((route, i) => {
        asArray(asObject(route)?.route).forEach((item, j) => {
          const destination = asObject(asObject(item)?.destination);
          const host = asString(destination?.host);
          if (host === undefined || (asString(destination?.subset) ?? "") !== "") return;
          bySubsets ??= subsetRoutedHosts(objects);
          for (const other of bySubsets.get(host) ?? []) {
            problems.push({
              object,
              path: ["spec", "http", i, "route", j, "destination", "host"],
              message: `Subset in virtual service ${other} has no effect on ingress gateway ${fullName(object)} requests (IST0140)`,
            });
          }
        });
      });
    }
    return problems;
  },
};
