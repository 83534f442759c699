import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { validateWildcardDomain } from "../../../support/istio/names.ts";
import { asString } from "../../../support/values.ts";

/** istiod's host check of a DestinationRule: a (wildcard) domain name, required. */
export const destinationRuleHost: ObjectRule = {
  id: "destination-rule-host",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "A DestinationRule's host is set and is a domain name, optionally with a wildcard first label.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: empty domain name not allowed',
  kinds: new Set(["DestinationRule"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "DestinationRule");
    if (spec === undefined) return [];
    const problems = new Problems();
    problems.add(["spec", "host"], validateWildcardDomain(asString(spec.host) ?? ""));
    return problems.list;
  },
};
