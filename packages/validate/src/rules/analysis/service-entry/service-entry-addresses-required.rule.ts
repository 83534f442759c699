import { isServiceEntry } from "../../../analysis/host-resolution.ts";
import { dnsAutoAllocates } from "../../../analysis/mesh-config.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asArray, asObject, at } from "../../../support/values.ts";

/**
 * istioctl's IST0134 (`serviceentry.ProtocolAddressesAnalyzer`): a ServiceEntry without `addresses` has no port whose
 * protocol is unset or `TCP`: without a virtual IP such a port matches all traffic on its number, whatever the host.
 * Not reported when a mesh config (the `istio` ConfigMap of istio-system, or an IstioOperator) turns on DNS capture with
 * automatic address allocation (`ISTIO_META_DNS_CAPTURE` and `ISTIO_META_DNS_AUTO_ALLOCATE`).
 */
export const serviceEntryAddressesRequired: GroupRule = {
  id: "service-entry-addresses-required",
  category: "analysis",
  scope: "group",
  code: "IST0134",
  severity: "warning",
  description: "A ServiceEntry with a TCP (or protocol-less) port sets addresses (istioctl IST0134).",
  upstreamMessage: "Warning [IST0134] (ServiceEntry default/service-entry) ServiceEntry addresses are required for this protocol.",
  check(objects) {
    const problems: GroupProblem[] = [];
    let autoAllocated: boolean | undefined;
    for (const object of objects) {
      if (!isServiceEntry(object) || asArray(at(object.object, "spec", "addresses")).length > 0) continue;
      asArray(at(object.object, "spec", "ports")).forEach((item, i) => {
        const protocol = asObject(item)?.protocol;
        if (protocol !== undefined && protocol !== null && protocol !== "" && protocol !== "TCP") return;
        autoAllocated ??= dnsAutoAllocates(objects);
        if (autoAllocated) return;
        problems.push({ object, path: ["spec", "ports", i], message: "ServiceEntry addresses are required for this protocol. (IST0134)" });
      });
    }
    return problems;
  },
};
