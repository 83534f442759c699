import type { FieldPath } from "../../../field-path.ts";
import { key } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { isJwtClaimHeader } from "../../../support/istio/headers.ts";
import { goQuote, istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { isIstioDns1123Label, validateFqdn } from "../../../support/istio/names.ts";
import { entriesOf, gatewaysOf, routesOf } from "../../../support/istio/virtual-service.ts";
import { asArray, asObject } from "../../../support/values.ts";

/** `validateGatewayNames`: like istiod, it stops at the first name without a namespace. */
function checkGatewayNames(names: readonly unknown[], path: FieldPath, problems: Problems): void {
  for (const [i, name] of names.entries()) {
    if (typeof name !== "string") continue;
    const at = [...path, i];
    const slash = name.indexOf("/");
    if (slash < 0) {
      problems.add(at, validateFqdn(name));
      return;
    }
    const namespace = name.slice(0, slash);
    const gateway = name.slice(slash + 1);
    if (namespace === "" || gateway === "") problems.add(at, "config namespace and gateway name cannot be empty");
    if (!isIstioDns1123Label(namespace)) problems.add(at, `invalid value for namespace: ${goQuote(namespace)}`);
    if (!isIstioDns1123Label(gateway)) problems.add(at, `invalid value for gateway name: ${goQuote(gateway)}`);
  }
}

/**
 * istiod's gateway checks of a VirtualService: gateway names (in `spec.gateways` and route matches) are `mesh`, a
 * name, or `namespace/name` with DNS-label parts; JWT-claim header matches need a gateway.
 */
export const virtualServiceGateways: ObjectRule = {
  id: "virtual-service-gateways",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "VirtualService gateway names (spec and route matches) are names or `namespace/name` of DNS labels, and JWT-claim header matches only appear on gateway-bound VirtualServices.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: invalid value for namespace: "Istio_System"',
  kinds: new Set(["VirtualService"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "VirtualService");
    if (spec === undefined) return [];
    const problems = new Problems();
    const gateways = gatewaysOf(spec);
    checkGatewayNames(asArray(spec.gateways), ["spec", "gateways"], problems);
    for (const section of ["http", "tls", "tcp"] as const) {
      for (const { route, path } of routesOf(spec, section)) {
        for (const { route: match, path: matchPath } of entriesOf(route, "match", path)) checkGatewayNames(asArray(match.gateways), [...matchPath, "gateways"], problems);
      }
    }
    const appliesToGateway = gateways.length > 0 && !gateways.includes("mesh");
    if (!appliesToGateway) {
      for (const { route, path } of routesOf(spec, "http")) {
        for (const { route: match, path: matchPath } of entriesOf(route, "match", path)) {
          for (const field of ["headers", "withoutHeaders"]) {
            for (const name of Object.keys(asObject(match[field]) ?? {})) {
              if (isJwtClaimHeader(name)) {
                problems.add([...matchPath, field, key(name)], `JWT claim based routing (key: ${name}) is only supported for gateway, found no gateways: [${gateways.join(" ")}]`);
              }
            }
          }
        }
      }
    }
    return problems.list;
  },
};
