import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { duplicate, forbidden } from "../../../support/apiserver-validation.ts";
import { serviceOf } from "../../../support/service-spec.ts";
import { asArray, asObject } from "../../../support/values.ts";

/**
 * A ClusterIP Service sets no `nodePort` (the apiserver does not check other types: NodePort and LoadBalancer
 * Services use them, ExternalName ones ignore them), and no two ports share a protocol and node port.
 */
export const serviceNodePort: ObjectRule = {
  id: "service-node-port",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "ClusterIP Services set no nodePort, and no two ports of a Service share a protocol and node port.",
  upstreamMessage: "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
  kinds: new Set(["Service"]),
  check(object) {
    const service = serviceOf(object);
    if (service === undefined) return [];
    const problems: RuleProblem[] = [];
    const seen = new Set<string>();
    asArray(service.spec.ports).forEach((item, index) => {
      const port = asObject(item);
      const nodePort = port?.nodePort;
      if (typeof nodePort !== "number" || nodePort === 0) return;
      const path = ["spec", "ports", index, "nodePort"];
      if (service.type === "ClusterIP") problems.push({ path, message: forbidden("may not be used when `type` is 'ClusterIP'") });
      const protocol = typeof port?.protocol === "string" && port.protocol !== "" ? port.protocol : "TCP";
      const pair = `${protocol}/${nodePort}`;
      if (seen.has(pair)) problems.push({ path, message: duplicate(nodePort) });
      seen.add(pair);
    });
    return problems;
  },
};
