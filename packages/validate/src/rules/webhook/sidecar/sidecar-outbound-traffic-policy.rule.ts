import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { isIstioDns1123Label, validateFqdn, validateWildcardDomain } from "../../../support/istio/names.ts";
import { validatePort } from "../../../support/istio/net.ts";
import { asNumber, asObject, asString, isSet } from "../../../support/values.ts";

/**
 * istiod's outbound traffic policy check of a Sidecar (`validateSidecarOutboundTrafficPolicy`): an egress proxy
 * only with ALLOW_ANY, naming an FQDN host and a port in range (and a DNS-label subset).
 */
export const sidecarOutboundTrafficPolicy: ObjectRule = {
  id: "sidecar-outbound-traffic-policy",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "A Sidecar's outbound egress proxy is set only with ALLOW_ANY mode, to an FQDN host and a port in range.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode',
  kinds: new Set(["Sidecar"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "Sidecar");
    if (spec === undefined) return [];
    const policy = asObject(spec.outboundTrafficPolicy);
    const proxy = asObject(policy?.egressProxy);
    if (policy === undefined || proxy === undefined) return [];
    const problems = new Problems();
    const path = ["spec", "outboundTrafficPolicy", "egressProxy"];
    if ((asString(policy.mode) ?? "REGISTRY_ONLY") !== "ALLOW_ANY") {
      problems.add(path, "sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode");
      return problems.list;
    }
    const host = asString(proxy.host) ?? "";
    problems.add([...path, "host"], validateFqdn(host));
    if (!isSet(proxy.port)) {
      problems.add(path, "sidecar: egress_proxy port must be non-nil");
      return problems.list;
    }
    problems.add([...path, "host"], host === "*" ? `invalid destination host ${host}` : validateWildcardDomain(host));
    const subset = asString(proxy.subset) ?? "";
    if (subset !== "" && !isIstioDns1123Label(subset)) problems.add([...path, "subset"], `subset name is invalid: ${subset}`);
    problems.add([...path, "port", "number"], validatePort(asNumber(asObject(proxy.port)?.number) ?? 0));
    return problems.list;
  },
};
