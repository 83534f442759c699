import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { checkLoadBalancer, trafficPoliciesOf } from "../../../support/istio/traffic-policy.ts";
import { asObject } from "../../../support/values.ts";

/**
 * istiod's load balancer checks (`validateLoadBalancer`, `ValidateLocalityLbSetting`): cookie hashes are named,
 * Maglev tables are primes below 5000011, the deprecated minimum ring size is not combined with a hash algorithm,
 * locality settings either distribute (weights 1–100 summing to 100, no overlapping localities) or fail over between
 * distinct regions, and warm-up durations are at least 1ms.
 */
export const destinationRuleLoadBalancer: ObjectRule = {
  id: "destination-rule-load-balancer",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "DestinationRule load balancers use named hash cookies, prime Maglev tables, consistent locality distribution or failover, and warm-up durations of at least 1ms.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: total locality weight 90 != 100',
  kinds: new Set(["DestinationRule"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "DestinationRule");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const { policy, path } of trafficPoliciesOf(spec)) {
      const loadBalancer = asObject(policy.loadBalancer);
      if (loadBalancer !== undefined) checkLoadBalancer(loadBalancer, [...path, "loadBalancer"], problems);
    }
    return problems.list;
  },
};
