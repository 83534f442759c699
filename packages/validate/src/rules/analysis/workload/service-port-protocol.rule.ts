import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asArray, asObject, at } from "../../../support/values.ts";

/** The protocols Istio recognises in a port name's prefix (`<protocol>[-<suffix>]`). */
const ISTIO_PROTOCOLS = new Set(["grpc", "grpc-web", "h2c", "http", "http2", "http_proxy", "https", "mongo", "mysql", "redis", "tcp", "tls", "udp"]);
const SYSTEM_NAMESPACES = new Set(["kube-system", "kube-public", "kube-node-lease", "local-path-storage", "istio-system"]);

function protocolOf(name: string): string {
  const lower = name.toLowerCase();
  if (lower === "grpc-web" || lower.startsWith("grpc-web-")) return "grpc-web";
  return lower.split("-")[0]!;
}

/**
 * istioctl's IST0118: a Service port without `appProtocol` is named `<protocol>[-<suffix>]` with a protocol Istio
 * knows, so the mesh does not have to sniff (or mis-detect) it.
 */
export const servicePortProtocol: GroupRule = {
  id: "service-port-protocol",
  category: "analysis",
  scope: "group",
  severity: "warning",
  description: "Service ports set appProtocol or are named <protocol>[-<suffix>] with a protocol Istio recognises (istioctl IST0118).",
  upstreamMessage: "Info [IST0118] (Service default/web) Port name web (port: 80, targetPort: 8080) doesn't follow the naming convention of Istio port.",
  check(objects) {
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (object.kind !== "Service" || object.apiVersion !== "v1" || SYSTEM_NAMESPACES.has(object.namespace ?? "")) continue;
      if (at(object.object, "spec", "type") === "ExternalName") continue;
      asArray(at(object.object, "spec", "ports")).forEach((item, i) => {
        const port = asObject(item);
        if (port === undefined || typeof port.appProtocol === "string") return;
        const name = typeof port.name === "string" ? port.name : "";
        if (ISTIO_PROTOCOLS.has(protocolOf(name))) return;
        problems.push({
          object,
          path: ["spec", "ports", i, name === "" ? "port" : "name"],
          message: `Port name ${name} (port: ${String(port.port)}, targetPort: ${String(port.targetPort)}) doesn't follow the naming convention of Istio port. (IST0118)`,
        });
      });
    }
    return problems;
  },
};
