import { environmentIndex, namespaceOf } from "../../../analysis/environment-index.ts";
import { gatewaysOf, isVirtualService } from "../../../analysis/virtual-service-destinations.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";

/** istioctl's IST0101 for gateways: every gateway a VirtualService binds to (other than `mesh`) is an Istio Gateway. */
export const virtualServiceGatewayNotFound: GroupRule = {
  id: "virtual-service-gateway-not-found",
  category: "analysis",
  scope: "group",
  severity: "error",
  description: "Every gateway a VirtualService names (`name` or `namespace/name`, except `mesh`) is an Istio Gateway of the environment (istioctl IST0101).",
  upstreamMessage: 'Error [IST0101] (VirtualService default/bookinfo) Referenced gateway not found: "bookinfo-gateway"',
  check(objects) {
    const index = environmentIndex(objects);
    const problems: GroupProblem[] = [];
    for (const object of objects.filter(isVirtualService)) {
      const namespace = namespaceOf(object) ?? "default";
      for (const { path, gateway } of gatewaysOf(object)) {
        if (gateway === "mesh") continue;
        const key = gateway.includes("/") ? gateway : `${namespace}/${gateway}`;
        if (!index.istioGateways.has(key)) problems.push({ object, path, message: `Referenced gateway not found: "${gateway}" (IST0101)` });
      }
    }
    return problems;
  },
};
