import { namespaceOf } from "../../../analysis/environment-index.ts";
import { exportToOf } from "../../../analysis/export-to.ts";
import { hostRegistry, resolveHost } from "../../../analysis/host-resolution.ts";
import { isVirtualService } from "../../../analysis/virtual-service-destinations.ts";
import { routeDestinationsOf } from "../../../analysis/virtual-service-routes.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { at } from "../../../support/values.ts";

/**
 * istioctl's IST0101 for destinations (`virtualservice.DestinationHostAnalyzer`): every host a VirtualService routes or
 * mirrors to is a Service or ServiceEntry host visible to it, and a destination port is one the host exposes. A short
 * name is a Service of the VirtualService's namespace; any name with a dot is taken as a full name (so `name.ns` and
 * `name.ns.svc` are not found); a host must be exported to all namespaces or to those the VirtualService is exported
 * to (its own by default); wildcard ServiceEntry hosts (`*.example.com`) visible in its namespace cover their suffix.
 */
export const virtualServiceHostNotFound: GroupRule = {
  id: "virtual-service-host-not-found",
  category: "analysis",
  scope: "group",
  code: "IST0101",
  severity: "error",
  description: "Every VirtualService destination host (and port) is a Service or ServiceEntry host visible to the VirtualService (istioctl IST0101).",
  upstreamMessage: 'Error [IST0101] (VirtualService default/reviews) Referenced host not found: "reviews"',
  check(objects) {
    const registry = hostRegistry(objects);
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (!isVirtualService(object)) continue;
      const namespace = namespaceOf(object) ?? "default";
      const exportTo = exportToOf(at(object.object, "spec", "exportTo"));
      for (const destination of routeDestinationsOf(object)) {
        const target = resolveHost(registry, namespace, exportTo, destination.host);
        if (target === undefined) {
          const kind = destination.mirror ? "mirror host" : "host";
          problems.push({ object, unresolved: true, path: [...destination.path, "host"], message: `Referenced ${kind} not found: "${destination.host}" (IST0101)` });
          continue;
        }
        if (destination.port === undefined || target.ports.some((p) => p.number === destination.port)) continue;
        problems.push({
          object,
          path: [...destination.path, "port", "number"],
          message: `Referenced host:port not found: "${destination.host}:${destination.port}" (IST0101)`,
        });
      }
    }
    return problems;
  },
};
