import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { hostsOverlap, validateGatewayBoundDomain, validateWildcardDomain } from "../../../support/istio/names.ts";
import { isValidIp } from "../../../support/istio/net.ts";
import { gatewaysOf, routesOf } from "../../../support/istio/virtual-service.ts";
import { asArray } from "../../../support/values.ts";

/**
 * istiod's host checks of a VirtualService: hosts are (wildcard) domain names or IPs, `*` only on gateways, no two
 * overlapping; a delegate (no hosts) lists no gateways and no TLS or TCP routes; some route is given.
 */
export const virtualServiceHosts: ObjectRule = {
  id: "virtual-service-hosts",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "VirtualService hosts are valid domain names or IPs, `*` only when bound to gateways, not overlapping; delegates have no gateways, TLS or TCP routes; some route is given.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: wildcard host * is not allowed for virtual services bound to the mesh gateway',
  kinds: new Set(["VirtualService"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "VirtualService");
    if (spec === undefined) return [];
    const problems = new Problems();
    const hosts = asArray(spec.hosts);
    const gateways = gatewaysOf(spec);
    if (hosts.length === 0) {
      if (gateways.length > 0) problems.add(["spec", "gateways"], "delegate virtual service must have no gateways specified");
      if (asArray(spec.tls).length > 0) problems.add(["spec", "tls"], "delegate virtual service must have no tls route specified");
      if (asArray(spec.tcp).length > 0) problems.add(["spec", "tcp"], "delegate virtual service must have no tcp route specified");
    }
    const appliesToGateway = gateways.length > 0 && !gateways.includes("mesh");
    const sni = routesOf(spec, "tls").some(({ route }) => asArray(route.match).some((m) => asArray((m as { sniHosts?: unknown } | null)?.sniHosts).length > 0));
    let allValid = true;
    for (const [i, host] of hosts.entries()) {
      if (typeof host !== "string") continue;
      const error = appliesToGateway ? validateGatewayBoundDomain(sni, host) : validateWildcardDomain(host);
      if (error !== undefined) {
        if (!isValidIp(host)) {
          problems.add(["spec", "hosts", i], error);
          allValid = false;
        }
      } else if (!appliesToGateway && host === "*") {
        problems.add(["spec", "hosts", i], "wildcard host * is not allowed for virtual services bound to the mesh gateway");
        allValid = false;
      }
    }
    if (allValid) {
      for (let i = 0; i < hosts.length; i++) {
        for (let j = i + 1; j < hosts.length; j++) {
          const a = hosts[i];
          const b = hosts[j];
          if (typeof a === "string" && typeof b === "string" && hostsOverlap(a, b)) problems.add(["spec", "hosts", j], `duplicate hosts in virtual service: ${a} & ${b}`);
        }
      }
    }
    if (asArray(spec.http).length === 0 && asArray(spec.tcp).length === 0 && asArray(spec.tls).length === 0) {
      problems.add(["spec"], "http, tcp or tls must be provided in virtual service");
    }
    return problems.list;
  },
};
