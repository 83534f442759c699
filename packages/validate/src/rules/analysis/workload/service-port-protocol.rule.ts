import { istioProtocolUnsupported } from "../../../analysis/istio-port-protocol.ts";
import { IGNORED_NAMESPACES, isIstioControlPlane } from "../../../analysis/workload-selection.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { asArray, asObject, at } from "../../../support/values.ts";

/**
 * istioctl's IST0118 (`service.PortNameAnalyzer`, Info in istioctl): a Service port's protocol is known to Istio from
 * its appProtocol or its name (`<protocol>[-<suffix>]`), so Istio does not have to sniff it. UDP ports and the
 * well-known ports (25, 53, 3306, 27017) are exempt, as are Services in Kubernetes' system namespaces and Istio's own
 * (labelled `istio`, or `release: istio`); ExternalName Services are IST0150's.
 */
export const servicePortProtocol: ObjectRule = {
  id: "service-port-protocol",
  category: "analysis",
  code: "IST0118",
  scope: "object",
  severity: "warning",
  description: "Service ports set an appProtocol or are named <protocol>[-<suffix>] with a protocol Istio recognises (istioctl IST0118).",
  upstreamMessage: "Info [IST0118] (Service default/web) Port name web (port: 80, targetPort: 8080) doesn't follow the naming convention of Istio port.",
  kinds: new Set(["Service"]),
  check(object) {
    if (object.kind !== "Service" || object.apiVersion !== "v1") return [];
    if (IGNORED_NAMESPACES.has(object.namespace ?? "") || isIstioControlPlane(object) || at(object.object, "spec", "type") === "ExternalName") return [];
    const problems: RuleProblem[] = [];
    asArray(at(object.object, "spec", "ports")).forEach((item, i) => {
      const port = asObject(item);
      if (port === undefined || !istioProtocolUnsupported(port)) return;
      const name = typeof port.name === "string" ? port.name : "";
      problems.push({
        path: ["spec", "ports", i, name === "" ? "port" : "name"],
        message: `Port name ${name} (port: ${String(port.port)}, targetPort: ${String(port.targetPort ?? 0)}) doesn't follow the naming convention of Istio port. (IST0118)`,
      });
    });
    return problems;
  },
};
