import type { ObjectRule } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { at } from "../../../support/values.ts";

/**
 * A NetworkPolicy lists at most two policyTypes (each `Ingress` or `Egress`, which the schema checks). The apiserver
 * counts them without looking for repeats: `[Ingress, Ingress]` is accepted.
 */
export const networkPolicyTypes: ObjectRule = {
  id: "network-policy-types",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A NetworkPolicy specifies at most two policyTypes.",
  upstreamMessage: 'spec.policyTypes: Invalid value: ["Ingress","Egress","Ingress"]: may not specify more than two policyTypes',
  kinds: new Set(["NetworkPolicy"]),
  check(object) {
    if (object.kind !== "NetworkPolicy" || apiGroup(object.apiVersion) !== "networking.k8s.io") return [];
    const types = at(object.object, "spec", "policyTypes");
    if (!Array.isArray(types) || types.length <= 2) return [];
    return [{ path: ["spec", "policyTypes"], message: invalid(types, "may not specify more than two policyTypes") }];
  },
};
