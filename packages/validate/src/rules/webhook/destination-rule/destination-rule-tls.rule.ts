import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { checkClientTls, trafficPoliciesOf } from "../../../support/istio/traffic-policy.ts";
import { asObject } from "../../../support/values.ts";

/**
 * istiod's client TLS checks (`agent.ValidateTLS`): MUTUAL needs a client certificate and key unless a
 * `credentialName` supplies them (and then no file paths are given); skipping verification excludes CA certificates
 * and subject alternative names.
 */
export const destinationRuleTls: ObjectRule = {
  id: "destination-rule-tls",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "DestinationRule TLS settings give MUTUAL a client certificate and key (or a credentialName alone), and no CA or SANs when verification is skipped.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: client certificate required for mutual tls',
  kinds: new Set(["DestinationRule"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "DestinationRule");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const { policy, path } of trafficPoliciesOf(spec)) {
      const tls = asObject(policy.tls);
      if (tls !== undefined) checkClientTls(tls, [...path, "tls"], problems);
    }
    return problems.list;
  },
};
