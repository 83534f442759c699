import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { validateIpSubnet } from "../../../support/istio/net.ts";
import { asArray, asString } from "../../../support/values.ts";

/** istiod's address checks of a ServiceEntry: IPs or CIDR blocks, CIDR blocks only with NONE or STATIC resolution. */
export const serviceEntryAddresses: ObjectRule = {
  id: "service-entry-addresses",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "ServiceEntry addresses are IPs or CIDR blocks, and CIDR blocks are used only with NONE or STATIC resolution.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: CIDR addresses are allowed only for NONE/STATIC resolution types',
  kinds: new Set(["ServiceEntry"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "ServiceEntry");
    if (spec === undefined) return [];
    const problems = new Problems();
    let cidr = false;
    for (const [i, address] of asArray(spec.addresses).entries()) {
      if (typeof address !== "string") continue;
      cidr ||= address.includes("/");
      problems.add(["spec", "addresses", i], validateIpSubnet(address));
    }
    const resolution = asString(spec.resolution) ?? "NONE";
    if (cidr && resolution !== "NONE" && resolution !== "STATIC") problems.add(["spec", "resolution"], "CIDR addresses are allowed only for NONE/STATIC resolution types");
    return problems.list;
  },
};
