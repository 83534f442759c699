import type { ObjectRule } from "../../../rule.ts";
import { goQuote, istioSpec } from "../../../support/istio/istio-object.ts";
import { isIstioDns1123Label } from "../../../support/istio/names.ts";

/** istiod's name check of an Istio Gateway: a DNS label (no dots), since VirtualServices name it `namespace/name`. */
export const gatewayName: ObjectRule = {
  id: "gateway-name",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "An Istio Gateway's name is a DNS-1123 label (no dots).",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: invalid gateway name: "public.gateway"',
  kinds: new Set(["Gateway"]),
  check(object) {
    if (istioSpec(object, "networking.istio.io", "Gateway") === undefined || object.name === "") return [];
    return isIstioDns1123Label(object.name) ? [] : [{ path: ["metadata", "name"], message: `invalid gateway name: ${goQuote(object.name)}` }];
  },
};
