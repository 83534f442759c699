import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { checkPolicyTargets } from "../../../support/istio/policy-fields.ts";

/**
 * istiod's target checks of a RequestAuthentication: at most one of `selector`, `targetRef` and `targetRefs`;
 * selector labels without empty keys or wildcards; targets are named Services, ServiceEntries or Gateway API
 * Gateways of the policy's namespace.
 */
export const requestAuthenticationTarget: ObjectRule = {
  id: "request-authentication-target",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "A RequestAuthentication sets at most one of selector, targetRef and targetRefs, with selector labels free of empty keys and wildcards and named same-namespace targets of a supported kind.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: only one of targetRefs or workloadSelector can be set',
  kinds: new Set(["RequestAuthentication"]),
  check(object) {
    const spec = istioSpec(object, "security.istio.io", "RequestAuthentication");
    if (spec === undefined) return [];
    const problems = new Problems();
    checkPolicyTargets(spec, problems);
    return problems.list;
  },
};
