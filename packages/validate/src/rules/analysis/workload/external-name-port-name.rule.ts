import { istioProtocolUnsupported } from "../../../analysis/istio-port-protocol.ts";
import { IGNORED_NAMESPACES, isIstioControlPlane } from "../../../analysis/workload-selection.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { asArray, asObject, at } from "../../../support/values.ts";

/**
 * istioctl's IST0150 (`service.PortNameAnalyzer`): an ExternalName Service's port is neither named `tcp` nor without a
 * protocol Istio recognises, since the proxy may not forward such ports to the external name. Services in Kubernetes'
 * system namespaces and Istio's own are exempt.
 */
export const externalNamePortName: ObjectRule = {
  id: "external-name-port-name",
  category: "analysis",
  code: "IST0150",
  scope: "object",
  severity: "warning",
  description: "ExternalName Service ports are named with a protocol Istio recognises other than plain tcp (istioctl IST0150).",
  upstreamMessage:
    "Warning [IST0150] (Service default/ext) Port name for ExternalName service is invalid. Proxy may prevent tcp named ports and unmatched traffic for ports serving TCP protocol from being forwarded correctly",
  kinds: new Set(["Service"]),
  check(object) {
    if (object.kind !== "Service" || object.apiVersion !== "v1" || at(object.object, "spec", "type") !== "ExternalName") return [];
    if (IGNORED_NAMESPACES.has(object.namespace ?? "") || isIstioControlPlane(object)) return [];
    const problems: RuleProblem[] = [];
    asArray(at(object.object, "spec", "ports")).forEach((item, i) => {
      const port = asObject(item);
      if (port === undefined || (port.name !== "tcp" && !istioProtocolUnsupported(port))) return;
      problems.push({
        path: ["spec", "ports", i, typeof port.name === "string" ? "name" : "port"],
        message: "Port name for ExternalName service is invalid. Proxy may prevent tcp named ports and unmatched traffic for ports serving TCP protocol from being forwarded correctly (IST0150)",
      });
    });
    return problems;
  },
};
