import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { isIstioDns1123Label, validateWildcardDomain } from "../../../support/istio/names.ts";
import { validatePort } from "../../../support/istio/net.ts";
import { entriesOf, routesOf } from "../../../support/istio/virtual-service.ts";
import { asArray, asNumber, asObject, asString, isSet, type PlainObject } from "../../../support/values.ts";

/** `validateDestination`: a host other than `*`, a DNS-label subset, a port in range. */
function checkDestination(destination: PlainObject, path: FieldPath, problems: Problems): void {
  const host = asString(destination.host) ?? "";
  problems.add([...path, "host"], host === "*" ? `invalid destination host ${host}` : validateWildcardDomain(host));
  const subset = asString(destination.subset) ?? "";
  if (subset !== "" && !isIstioDns1123Label(subset)) problems.add([...path, "subset"], `subset name is invalid: ${subset}`);
  const port = asObject(destination.port);
  if (port !== undefined) problems.add([...path, "port", "number"], validatePort(asNumber(port.number) ?? 0));
}

/** `validateHTTPRouteDestinations` / `validateRouteDestinations`: destinations, weights of at least 0, not all 0. */
function checkRouteDestinations(parent: PlainObject, path: FieldPath, problems: Problems): void {
  const routes = asArray(parent.route);
  let total = 0;
  for (const { route: weighted, path: at } of entriesOf(parent, "route", path)) {
    const destination = asObject(weighted.destination);
    if (destination === undefined) problems.add(at, "destination is required");
    else checkDestination(destination, [...at, "destination"], problems);
    const weight = asNumber(weighted.weight) ?? 0;
    if (weight < 0) problems.add([...at, "weight"], `weight ${weight} < 0`);
    total += weight;
  }
  if (routes.length > 1 && total === 0) problems.add([...path, "route"], "total destination weight = 0");
}

/**
 * istiod's destination checks of a VirtualService: every HTTP, TLS and TCP route destination and mirror names a
 * valid host (not `*`), a DNS-label subset and a port in range; weights are not negative and not all 0.
 */
export const virtualServiceDestination: ObjectRule = {
  id: "virtual-service-destination",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "VirtualService route and mirror destinations name a valid host (not `*`), a DNS-label subset and a port in range, with weights of at least 0 that are not all 0.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: weight -10 < 0',
  kinds: new Set(["VirtualService"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "VirtualService");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const section of ["http", "tls", "tcp"] as const) {
      for (const { route, path } of routesOf(spec, section)) checkRouteDestinations(route, path, problems);
    }
    for (const { route: http, path } of routesOf(spec, "http")) {
      const mirror = asObject(http.mirror);
      if (mirror !== undefined) checkDestination(mirror, [...path, "mirror"], problems);
      for (const { route: policy, path: at } of entriesOf(http, "mirrors", path)) {
        const destination = asObject(policy.destination);
        if (!isSet(policy.destination) || destination === undefined) problems.add(at, "destination is required for mirrors");
        else checkDestination(destination, [...at, "destination"], problems);
      }
    }
    return problems.list;
  },
};
