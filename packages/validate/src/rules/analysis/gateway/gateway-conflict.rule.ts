import { namespaceOf } from "../../../analysis/environment-index.ts";
import { meshPods, selectorString } from "../../../analysis/workload-selection.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { mapSelects } from "../../../support/label-selector.ts";
import { asArray, asNumber, asObject, asString, asStringMap, at } from "../../../support/values.ts";

interface GatewayEntry {
  readonly object: ManifestObject;
  readonly fullName: string;
  readonly selector: Readonly<Record<string, string>>;
  readonly selectorText: string;
  /** Per server port, the hosts (with their bind address) of the last server on that port. */
  readonly ports: ReadonlyMap<number, ReadonlyMap<string, string>>;
}

/**
 * istioctl's IST0145 (`gateway.ConflictingGatewayAnalyzer`): no two Istio Gateways on the same workloads (the same
 * selector, or one selector containing the other's text with a pod matching both) declare the same host, with the
 * same bind address, on the same server port.
 */
export const gatewayConflict: GroupRule = {
  id: "gateway-conflict",
  category: "analysis",
  code: "IST0145",
  scope: "group",
  severity: "error",
  description: "No two Istio Gateways on the same workloads declare the same host, bind address and port (istioctl IST0145).",
  upstreamMessage: "Error [IST0145] (Gateway istio-system/a) Conflict with gateways istio-system/b (workload selector istio=ingressgateway, port 80, hosts shop.example.com).",
  check(objects) {
    const entries: GatewayEntry[] = [];
    for (const object of objects) {
      if (object.kind !== "Gateway" || apiGroup(object.apiVersion) !== "networking.istio.io") continue;
      const selector = asStringMap(at(object.object, "spec", "selector"));
      const ports = new Map<number, Map<string, string>>();
      for (const item of asArray(at(object.object, "spec", "servers"))) {
        const server = asObject(item);
        const hosts = new Map<string, string>();
        for (const host of asArray(server?.hosts)) if (typeof host === "string") hosts.set(host, asString(server?.bind) ?? "");
        ports.set(asNumber(at(server, "port", "number")) ?? 0, hosts);
      }
      entries.push({ object, fullName: `${namespaceOf(object) ?? "default"}/${object.name}`, selector, selectorText: selectorString(selector), ports });
    }
    if (entries.length < 2) return [];
    const problems: GroupProblem[] = [];
    for (const current of entries) {
      const same = entries.filter((other) => {
        if (other === current) return false;
        if (other.selectorText === current.selectorText) return true;
        if (!other.selectorText.includes(current.selectorText) && !current.selectorText.includes(other.selectorText)) return false;
        return meshPods(objects).some((pod) => mapSelects(current.selector, pod.labels) && mapSelects(other.selector, pod.labels));
      });
      if (same.length === 0) continue;
      asArray(at(current.object.object, "spec", "servers")).forEach((item, i) => {
        const server = asObject(item);
        const port = asNumber(at(server, "port", "number")) ?? 0;
        const bind = asString(server?.bind) ?? "";
        const hosts = asArray(server?.hosts).filter((h): h is string => typeof h === "string");
        const conflicting = same
          .filter((other) => other.fullName !== current.fullName && hosts.some((host) => other.ports.get(port)?.get(host) === bind))
          .map((other) => other.fullName)
          .sort();
        if (conflicting.length === 0) return;
        problems.push({
          object: current.object,
          path: ["spec", "servers", i],
          message: `Conflict with gateways ${conflicting.join(",")} (workload selector ${current.selectorText}, port ${port}, hosts ${hosts.join(",")}). (IST0145)`,
        });
      });
    }
    return problems;
  },
};
