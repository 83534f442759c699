import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { checkPolicyTargets } from "../../../support/istio/policy-fields.ts";

/**
 * istiod's target checks of an AuthorizationPolicy: at most one of `selector`, `targetRef` and `targetRefs`;
 * selector labels without empty keys or wildcards; targets are Services, ServiceEntries or Gateway API Gateways of
 * the policy's namespace, named.
 */
export const authorizationPolicyTarget: ObjectRule = {
  id: "authorization-policy-target",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "An AuthorizationPolicy sets at most one of selector, targetRef and targetRefs, with selector labels free of empty keys and wildcards and named same-namespace targets of a supported kind.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: invalid policy web.shop: only one of targetRefs or workloadSelector can be set',
  kinds: new Set(["AuthorizationPolicy"]),
  check(object) {
    const spec = istioSpec(object, "security.istio.io", "AuthorizationPolicy");
    if (spec === undefined) return [];
    const problems = new Problems();
    checkPolicyTargets(spec, problems, `invalid policy ${object.name}.${object.namespace ?? ""}: `);
    return problems.list;
  },
};
