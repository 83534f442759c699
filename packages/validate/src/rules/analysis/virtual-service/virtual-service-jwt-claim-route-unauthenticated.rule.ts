import { environmentIndex, namespaceOf, objectKey } from "../../../analysis/environment-index.ts";
import { MESH_GATEWAY, specGatewaysOf } from "../../../analysis/gateway-references.ts";
import { ISTIO_ROOT_NAMESPACE } from "../../../analysis/mesh-config.ts";
import { isVirtualService } from "../../../analysis/virtual-service-destinations.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { mapSelects } from "../../../support/label-selector.ts";
import { asArray, asObject, asStringMap, at } from "../../../support/values.ts";

/** The header-name prefix that routes on a JWT claim. */
const JWT_CLAIM_HEADER = "@request.auth.claims";

/** The first `headers` / `withoutHeaders` key of an HTTP match that routes on a JWT claim, if any. */
function jwtClaimKey(object: ManifestObject): string | undefined {
  for (const route of asArray(at(object.object, "spec", "http"))) {
    for (const match of asArray(asObject(route)?.match)) {
      for (const field of ["headers", "withoutHeaders"]) {
        const key = Object.keys(asObject(asObject(match)?.[field]) ?? {}).find((k) => k.startsWith(JWT_CLAIM_HEADER));
        if (key !== undefined) return key;
      }
    }
  }
  return undefined;
}

/** The `selector.matchLabels` of the RequestAuthentications, by namespace (an absent selector selects every pod). */
function requestAuthenticationSelectors(objects: readonly ManifestObject[]): Map<string, Readonly<Record<string, string>>[]> {
  const byNamespace = new Map<string, Readonly<Record<string, string>>[]>();
  for (const object of objects) {
    if (object.kind !== "RequestAuthentication" || !object.apiVersion.startsWith("security.istio.io/")) continue;
    const namespace = namespaceOf(object) ?? "default";
    byNamespace.set(namespace, [...(byNamespace.get(namespace) ?? []), asStringMap(at(object.object, "spec", "selector", "matchLabels"))]);
  }
  return byNamespace;
}

/**
 * istioctl's IST0149 (`virtualservice.JWTClaimRouteAnalyzer`): a VirtualService that routes on a JWT claim
 * (`@request.auth.claims.*` in a match's `headers` or `withoutHeaders`) and is bound to an Istio Gateway needs a
 * RequestAuthentication (in istio-system, the root namespace, or the pod's namespace) selecting every workload the
 * Gateway's selector selects: claims exist only once a RequestAuthentication validates the token. Workloads stand for
 * their pods; a Gateway that is not found (IST0101) or has no selector is not checked.
 */
export const virtualServiceJwtClaimRouteUnauthenticated: GroupRule = {
  id: "virtual-service-jwt-claim-route-unauthenticated",
  category: "analysis",
  scope: "group",
  code: "IST0149",
  severity: "error",
  description: "A VirtualService routing on JWT claims at a Gateway has a RequestAuthentication selecting the Gateway's workloads (istioctl IST0149).",
  upstreamMessage:
    "Error [IST0149] (VirtualService foo/bar) The virtual service uses the JWT claim based routing (key: @request.auth.claims.foo) but found no request authentication for the gateway (istio-system/httpbin-gateway) pod (istio-ingressgateway). The request authentication must first be applied for the gateway pods to validate the JWT token and make the claims available for routing.",
  check(objects) {
    const problems: GroupProblem[] = [];
    let selectors: Map<string, Readonly<Record<string, string>>[]> | undefined;
    for (const object of objects) {
      if (!isVirtualService(object)) continue;
      const key = jwtClaimKey(object);
      if (key === undefined) continue;
      const index = environmentIndex(objects);
      const namespace = namespaceOf(object) ?? "default";
      for (const { path, gateway } of specGatewaysOf(object)) {
        if (gateway === MESH_GATEWAY) continue;
        const fullName = gateway.includes("/") ? gateway : `${namespace}/${gateway}`;
        const slash = fullName.indexOf("/");
        const found = index.objects.get(objectKey("networking.istio.io", "Gateway", fullName.slice(0, slash), fullName.slice(slash + 1)));
        if (found === undefined) continue;
        const gatewaySelector = asStringMap(at(found.object, "spec", "selector"));
        if (Object.keys(gatewaySelector).length === 0) continue;
        selectors ??= requestAuthenticationSelectors(objects);
        for (const pod of index.pods) {
          if (!mapSelects(gatewaySelector, pod.labels)) continue;
          const candidates = [...(selectors.get(ISTIO_ROOT_NAMESPACE) ?? []), ...(pod.namespace === ISTIO_ROOT_NAMESPACE ? [] : (selectors.get(pod.namespace) ?? []))];
          if (candidates.some((selector) => mapSelects(selector, pod.labels))) continue;
          problems.push({
            object,
            unresolved: true,
            path,
            message: `The virtual service uses the JWT claim based routing (key: ${key}) but found no request authentication for the gateway (${fullName}) pod (${pod.object.name}). The request authentication must first be applied for the gateway pods to validate the JWT token and make the claims available for routing. (IST0149)`,
          });
        }
      }
    }
    return problems;
  },
};
