import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { checkOutlierDetection, trafficPoliciesOf } from "../../../support/istio/traffic-policy.ts";
import { asObject } from "../../../support/values.ts";

/**
 * istiod's outlier detection checks (`validateOutlierDetection`): intervals and ejection times are durations of at
 * least 1ms, ejection and health percentages are within 0–100, local-origin failures need split local-origin errors.
 */
export const destinationRuleOutlierDetection: ObjectRule = {
  id: "destination-rule-outlier-detection",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "DestinationRule outlier detection uses durations of at least 1ms, percentages within 0–100, and counts local-origin failures only with split local-origin errors.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: percentage 150 is not in range 0..100',
  kinds: new Set(["DestinationRule"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "DestinationRule");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const { policy, path } of trafficPoliciesOf(spec)) {
      const outlier = asObject(policy.outlierDetection);
      if (outlier !== undefined) checkOutlierDetection(outlier, [...path, "outlierDetection"], problems);
    }
    return problems.list;
  },
};
