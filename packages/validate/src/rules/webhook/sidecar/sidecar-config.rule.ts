import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { checkSelectorLabels } from "../../../support/istio/policy-fields.ts";
import { checkConnectionPool } from "../../../support/istio/traffic-policy.ts";
import { asArray, asObject, isSet } from "../../../support/values.ts";

/**
 * istiod's top-level Sidecar checks: it configures something (egress, ingress, an outbound traffic policy or an
 * inbound connection pool, which must itself be valid), and its workload selector labels have no empty keys or
 * wildcards.
 */
export const sidecarConfig: ObjectRule = {
  id: "sidecar-config",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "A Sidecar configures egress, ingress, an outbound traffic policy or a valid inbound connection pool, and its workload selector labels have no empty keys or wildcards.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: sidecar: empty configuration provided',
  kinds: new Set(["Sidecar"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "Sidecar");
    if (spec === undefined) return [];
    const problems = new Problems();
    checkSelectorLabels(asObject(spec.workloadSelector)?.labels, ["spec", "workloadSelector", "labels"], problems);
    if (asArray(spec.egress).length === 0 && asArray(spec.ingress).length === 0 && !isSet(spec.outboundTrafficPolicy) && !isSet(spec.inboundConnectionPool)) {
      problems.add(["spec"], "sidecar: empty configuration provided");
    }
    const pool = asObject(spec.inboundConnectionPool);
    if (pool !== undefined) checkConnectionPool(pool, ["spec", "inboundConnectionPool"], problems);
    return problems.list;
  },
};
