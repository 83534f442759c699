import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { checkPolicyTargets } from "../../../support/istio/policy-fields.ts";

/**
 * istiod's target checks of a Telemetry: at most one of `selector`, `targetRef` and `targetRefs`; selector labels
 * without empty keys or wildcards; targets are named Services, ServiceEntries or Gateway API Gateways of its
 * namespace.
 */
export const telemetryTarget: ObjectRule = {
  id: "telemetry-target",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "A Telemetry sets at most one of selector, targetRef and targetRefs, with selector labels free of empty keys and wildcards and named same-namespace targets of a supported kind.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: targetRef namespace must not be set; cross namespace referencing is not supported',
  kinds: new Set(["Telemetry"]),
  check(object) {
    const spec = istioSpec(object, "telemetry.istio.io", "Telemetry");
    if (spec === undefined) return [];
    const problems = new Problems();
    checkPolicyTargets(spec, problems);
    return problems.list;
  },
};
