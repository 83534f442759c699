import { namespaceOf } from "../../../analysis/environment-index.ts";
import { exportToOf } from "../../../analysis/export-to.ts";
import { hostRegistry, resolveHost } from "../../../analysis/host-resolution.ts";
import { isVirtualService } from "../../../analysis/virtual-service-destinations.ts";
import { routeDestinationsOf } from "../../../analysis/virtual-service-routes.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { at } from "../../../support/values.ts";

/**
 * istioctl's IST0112 (`virtualservice.DestinationHostAnalyzer`): a destination (route or mirror) without a port whose
 * host, resolved as for IST0101, is a Service or ServiceEntry exposing more than one port. A host with one port, or a
 * host that is not found (IST0101's finding), needs none.
 */
export const virtualServiceDestinationPortRequired: GroupRule = {
  id: "virtual-service-destination-port-required",
  category: "analysis",
  scope: "group",
  code: "IST0112",
  severity: "error",
  description: "A VirtualService destination names a port when its host exposes more than one (istioctl IST0112).",
  upstreamMessage:
    'Error [IST0112] (VirtualService default/my-vs) This VirtualService routes to a service "my-svc" that exposes multiple ports [8080 9090]. Specifying a port in the destination is required to disambiguate.',
  check(objects) {
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (!isVirtualService(object)) continue;
      const namespace = namespaceOf(object) ?? "default";
      const exportTo = exportToOf(at(object.object, "spec", "exportTo"));
      for (const destination of routeDestinationsOf(object)) {
        if (destination.port !== undefined || at(object.object, ...destination.path, "port") !== undefined) continue;
        const target = resolveHost(hostRegistry(objects), namespace, exportTo, destination.host);
        if (target === undefined || target.ports.length < 2) continue;
        const ports = target.ports.map((p) => p.number).join(" ");
        problems.push({
          object,
          path: [...destination.path, "host"],
          message: `This VirtualService routes to a service "${destination.host}" that exposes multiple ports [${ports}]. Specifying a port in the destination is required to disambiguate. (IST0112)`,
        });
      }
    }
    return problems;
  },
};
