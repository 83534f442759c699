import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { checkConnectionPool, trafficPoliciesOf } from "../../../support/istio/traffic-policy.ts";
import { asObject } from "../../../support/values.ts";

/**
 * istiod's connection pool checks (`validateConnectionPool`): HTTP or TCP settings are given, limits are not
 * negative, timeouts are durations of at least 1ms, and `useClientProtocol` is not combined with the UPGRADE policy.
 */
export const destinationRuleConnectionPool: ObjectRule = {
  id: "destination-rule-connection-pool",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "DestinationRule connection pools set HTTP or TCP settings with non-negative limits, durations of at least 1ms, and no client protocol with the UPGRADE policy.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: max connections must be non-negative',
  kinds: new Set(["DestinationRule"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "DestinationRule");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const { policy, path } of trafficPoliciesOf(spec)) {
      const pool = asObject(policy.connectionPool);
      if (pool !== undefined) checkConnectionPool(pool, [...path, "connectionPool"], problems);
    }
    return problems.list;
  },
};
