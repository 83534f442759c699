import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden } from "../../../support/apiserver-validation.ts";
import { asArray, asObject } from "../../../support/values.ts";

/** A `nodePort` is only for Services of type NodePort or LoadBalancer. */
export const serviceNodePort: ObjectRule = {
  id: "service-node-port",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Only NodePort and LoadBalancer Services set a nodePort.",
  upstreamMessage: "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
  check(object) {
    if (object.kind !== "Service" || object.apiVersion !== "v1") return [];
    const spec = asObject(object.object.spec);
    const type = typeof spec?.type === "string" ? spec.type : "ClusterIP";
    if (type === "NodePort" || type === "LoadBalancer") return [];
    const problems: RuleProblem[] = [];
    asArray(spec?.ports).forEach((item, index) => {
      const nodePort = asObject(item)?.nodePort;
      if (typeof nodePort === "number" && nodePort !== 0) {
        problems.push({ path: ["spec", "ports", index, "nodePort"], message: forbidden(`may not be used when \`type\` is '${type}'`) });
      }
    });
    return problems;
  },
};
