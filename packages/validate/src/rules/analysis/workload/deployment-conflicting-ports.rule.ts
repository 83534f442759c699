import { meshServicesOf } from "../../../analysis/deployment-services.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asArray, asNumber, asObject, at } from "../../../support/values.ts";

/**
 * istioctl's IST0137 (`deployment.ServiceAssociationAnalyzer`): the Services selecting an in-mesh Deployment's pods
 * (same namespace, non-empty selector) send one target port only from one port number. Deployments outside the mesh
 * and waypoints are not checked.
 */
export const deploymentConflictingPorts: GroupRule = {
  id: "deployment-conflicting-ports",
  category: "analysis",
  code: "IST0137",
  scope: "group",
  severity: "warning",
  description: "The Services selecting an in-mesh Deployment's pods map each target port from a single port number (istioctl IST0137).",
  upstreamMessage: 'Warning [IST0137] (Deployment shop/web) This deployment web is associated with multiple services [shop/a shop/b] using targetPort "8080" but different ports: [80 8080].',
  check(objects) {
    const problems: GroupProblem[] = [];
    for (const { deployment, services } of meshServicesOf(objects)) {
      const byTarget = new Map<string, Map<number, string>>();
      for (const service of services) {
        for (const item of asArray(at(service.object.object, "spec", "ports"))) {
          const port = asNumber(asObject(item)?.port);
          if (port === undefined) continue;
          const targetPort = asObject(item)?.targetPort;
          const target = targetPort === undefined || targetPort === 0 || targetPort === "" ? String(port) : String(targetPort);
          const ports = byTarget.get(target) ?? new Map<number, string>();
          ports.set(port, service.fullName);
          byTarget.set(target, ports);
        }
      }
      for (const [target, ports] of byTarget) {
        if (ports.size < 2) continue;
        const names = [...ports.values()].sort();
        const numbers = [...ports.keys()].sort((a, b) => a - b);
        problems.push({
          object: deployment,
          path: ["metadata", "name"],
          message: `This deployment ${deployment.name} is associated with multiple services [${names.join(" ")}] using targetPort "${target}" but different ports: [${numbers.join(" ")}]. (IST0137)`,
        });
      }
    }
    return problems;
  },
};
