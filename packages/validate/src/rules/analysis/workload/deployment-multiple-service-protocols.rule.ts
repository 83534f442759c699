import { meshServicesOf } from "../../../analysis/deployment-services.ts";
import { pushTo } from "../../../analysis/workload-selection.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asArray, asNumber, asObject, asString, at } from "../../../support/values.ts";

/**
 * istioctl's IST0116 (`deployment.ServiceAssociationAnalyzer`): the Services selecting an in-mesh Deployment's pods
 * (same namespace, non-empty selector) do not use one port number with different protocols (TCP and UDP).
 * Deployments outside the mesh and waypoints are not checked.
 */
export const deploymentMultipleServiceProtocols: GroupRule = {
  id: "deployment-multiple-service-protocols",
  category: "analysis",
  code: "IST0116",
  scope: "group",
  severity: "warning",
  description: "The Services selecting an in-mesh Deployment's pods do not use one port number with different protocols (istioctl IST0116).",
  upstreamMessage: "Warning [IST0116] (Deployment shop/web) This deployment web is associated with multiple services using port 53 but different protocols: [shop/dns-tcp shop/dns-udp]",
  check(objects) {
    const problems: GroupProblem[] = [];
    for (const { deployment, services } of meshServicesOf(objects)) {
      const byPort = new Map<number, Map<string, string[]>>();
      for (const service of services) {
        for (const item of asArray(at(service.object.object, "spec", "ports"))) {
          const port = asNumber(asObject(item)?.port);
          if (port === undefined) continue;
          const protocol = asString(asObject(item)?.protocol) ?? "TCP";
          const protocols = byPort.get(port) ?? new Map<string, string[]>();
          pushTo(protocols, protocol, service.fullName);
          byPort.set(port, protocols);
        }
      }
      for (const port of [...byPort.keys()].sort((a, b) => a - b)) {
        const protocols = byPort.get(port)!;
        if (protocols.size < 2) continue;
        const names = [...protocols.values()].flat().sort();
        problems.push({ object: deployment, path: ["metadata", "name"], message: `This deployment ${deployment.name} is associated with multiple services using port ${port} but different protocols: [${names.join(" ")}] (IST0116)` });
      }
    }
    return problems;
  },
};
