import { key, type FieldPath } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { hostSubsetOf, validateGatewayBoundDomain, validateLabelMap, validateWildcardDomain } from "../../../support/istio/names.ts";
import { isValidIp, validateIpSubnet, validatePort } from "../../../support/istio/net.ts";
import { entriesOf, isGatewayBound, routesOf } from "../../../support/istio/virtual-service.ts";
import { asArray, asNumber, asObject, type PlainObject } from "../../../support/values.ts";

/** The L4 attributes TLS and TCP matches share: destination subnets, port, source labels. */
function checkL4Match(match: PlainObject, path: FieldPath, problems: Problems): void {
  for (const [i, subnet] of asArray(match.destinationSubnets).entries()) {
    if (typeof subnet === "string") problems.add([...path, "destinationSubnets", i], validateIpSubnet(subnet));
  }
  const port = asNumber(match.port) ?? 0;
  if (port !== 0) problems.add([...path, "port"], validatePort(port));
  for (const { key: label, message } of validateLabelMap(asObject(match.sourceLabels) ?? {})) problems.add([...path, "sourceLabels", key(label)], message);
}

/** `validateSniHost`: a (wildcard) domain covered by one of the VirtualService's hosts (an IP only draws a warning). */
function sniHostProblem(sniHost: string, spec: PlainObject): string | undefined {
  const error = isGatewayBound(spec) ? validateGatewayBoundDomain(true, sniHost) : validateWildcardDomain(sniHost);
  if (error !== undefined) return isValidIp(sniHost) ? undefined : error;
  const hosts = asArray(spec.hosts).filter((h): h is string => typeof h === "string");
  if (hosts.some((h) => hostSubsetOf(sniHost, h))) return undefined;
  return `SNI host ${JSON.stringify(sniHost)} is not a compatible subset of any of the virtual service hosts: [${hosts.join(", ")}]`;
}

/**
 * istiod's checks of TLS and TCP routes: a TLS route has matches, each with SNI hosts covered by the VirtualService's
 * hosts; subnets are IPs or CIDR blocks, ports in range, source labels valid; every TLS and TCP route has a route.
 */
export const virtualServiceL4Route: ObjectRule = {
  id: "virtual-service-l4-route",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "VirtualService TLS routes match SNI hosts covered by the VirtualService's hosts; TLS and TCP matches use valid subnets, ports and source labels; every TLS and TCP route has destinations.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: TLS match must have at least one SNI host',
  kinds: new Set(["VirtualService"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "VirtualService");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const { route: tls, path } of routesOf(spec, "tls")) {
      if (asArray(tls.match).length === 0) problems.add(path, "TLS route must have at least one match condition");
      for (const { route: match, path: at } of entriesOf(tls, "match", path)) {
        const sniHosts = asArray(match.sniHosts);
        if (sniHosts.length === 0) problems.add(at, "TLS match must have at least one SNI host");
        for (const [i, sniHost] of sniHosts.entries()) {
          if (typeof sniHost === "string") problems.add([...at, "sniHosts", i], sniHostProblem(sniHost, spec));
        }
        checkL4Match(match, at, problems);
      }
      if (asArray(tls.route).length === 0) problems.add(path, "TLS route is required");
    }
    for (const { route: tcp, path } of routesOf(spec, "tcp")) {
      for (const { route: match, path: at } of entriesOf(tcp, "match", path)) checkL4Match(match, at, problems);
      if (asArray(tcp.route).length === 0) problems.add(path, "TCP route is required");
    }
    return problems.list;
  },
};
