import { environmentIndex, namespaceOf } from "../../../analysis/environment-index.ts";
import { findGateway, gatewayKey, isInternalGatewayReference, MESH_GATEWAY } from "../../../analysis/gateway-references.ts";
import { gatewaysOf, isVirtualService } from "../../../analysis/virtual-service-destinations.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";

/**
 * istioctl's IST0101 for gateways (`virtualservice.GatewayAnalyzer`): every gateway a VirtualService binds to, other
 * than `mesh`, is an Istio Gateway (or a Gateway API Gateway) of the environment: `name` in the VirtualService's
 * namespace, or `namespace/name`. References to Istio's internal generated Gateways are IST0165's. Beyond istioctl,
 * the legacy `name.namespace[.svc.cluster.local]` form is resolved as Istio resolves it, and the `gateways` of route
 * matches are checked too.
 */
export const virtualServiceGatewayNotFound: GroupRule = {
  id: "virtual-service-gateway-not-found",
  category: "analysis",
  scope: "group",
  code: "IST0101",
  severity: "error",
  description: "Every gateway a VirtualService names (`name` or `namespace/name`, except `mesh`) is a Gateway of the environment (istioctl IST0101).",
  upstreamMessage: 'Error [IST0101] (VirtualService default/bookinfo) Referenced gateway not found: "bookinfo-gateway"',
  check(objects) {
    const index = environmentIndex(objects);
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (!isVirtualService(object)) continue;
      const namespace = namespaceOf(object) ?? "default";
      for (const { path, gateway } of gatewaysOf(object)) {
        if (gateway === MESH_GATEWAY || isInternalGatewayReference(gateway)) continue;
        if (findGateway(index, gatewayKey(namespace, gateway)) !== undefined) continue;
        problems.push({ object, unresolved: true, path, message: `Referenced gateway not found: "${gateway}" (IST0101)` });
      }
    }
    return problems;
  },
};
