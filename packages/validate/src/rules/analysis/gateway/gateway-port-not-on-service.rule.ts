import { meshPods, selectorString, pushTo, type MeshPod } from "../../../analysis/workload-selection.ts";
import { namespaceOf } from "../../../analysis/environment-index.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { mapSelects } from "../../../support/label-selector.ts";
import { asArray, asNumber, asObject, asStringMap, at } from "../../../support/values.ts";

/** The TCP target ports (the port when the target port is a name) of the Services selecting `pod`. */
function servicePortsOf(pod: MeshPod, servicesByNamespace: ReadonlyMap<string, readonly ManifestObject[]>): number[] {
  const ports = [...(pod.installed?.servicePorts ?? [])];
  for (const service of servicesByNamespace.get(pod.namespace) ?? []) {
    if (!mapSelects(asStringMap(at(service.object, "spec", "selector")), pod.labels)) continue;
    for (const item of asArray(at(service.object, "spec", "ports"))) {
      const port = asObject(item);
      if (port === undefined || (port.protocol ?? "TCP") !== "TCP") continue;
      const target = asNumber(port.targetPort);
      const number = target !== undefined && target !== 0 ? target : asNumber(port.port);
      if (number !== undefined) ports.push(number);
    }
  }
  return ports;
}

/**
 * istioctl's IST0162 (`gateway.IngressGatewayPortAnalyzer`): every server port of an Istio Gateway is a TCP target
 * port of a Service selecting one of the Gateway's pods (any selecting Service will do). Gateways whose selector
 * matches no pod are IST0101's.
 */
export const gatewayPortNotOnService: GroupRule = {
  id: "gateway-port-not-on-service",
  category: "analysis",
  code: "IST0162",
  scope: "group",
  severity: "warning",
  description: "Every server port of an Istio Gateway is a target port of a Service selecting the Gateway's pods (istioctl IST0162).",
  upstreamMessage:
    "Warning [IST0162] (Gateway istio-system/ingress) The gateway is listening on a target port (port 8080) that is not defined in the Service associated with its workload instances (Pod selector istio=ingressgateway). If you need to access the gateway port through the gateway Service, it will not be available.",
  check(objects) {
    const problems: GroupProblem[] = [];
    let servicesByNamespace: Map<string, ManifestObject[]> | undefined;
    for (const object of objects) {
      if (object.kind !== "Gateway" || apiGroup(object.apiVersion) !== "networking.istio.io") continue;
      if (servicesByNamespace === undefined) {
        servicesByNamespace = new Map();
        for (const service of objects) {
          if (service.kind !== "Service" || service.apiVersion !== "v1") continue;
          const namespace = namespaceOf(service) ?? "default";
          pushTo(servicesByNamespace, namespace, service);
        }
      }
      const selector = asStringMap(at(object.object, "spec", "selector"));
      const pods = meshPods(objects).filter((pod) => mapSelects(selector, pod.labels));
      if (pods.length === 0) continue;
      const ports = new Set(pods.flatMap((pod) => servicePortsOf(pod, servicesByNamespace!)));
      asArray(at(object.object, "spec", "servers")).forEach((server, i) => {
        const number = asNumber(at(server, "port", "number"));
        if (number === undefined || ports.has(number)) return;
        problems.push({
          object,
          unresolved: true,
          path: ["spec", "servers", i, "port", "number"],
          message: `The gateway is listening on a target port (port ${number}) that is not defined in the Service associated with its workload instances (Pod selector ${selectorString(selector)}). If you need to access the gateway port through the gateway Service, it will not be available. (IST0162)`,
        });
      });
    }
    return problems;
  },
};
