import { environmentIndex, namespaceOf } from "../../../analysis/environment-index.ts";
import { findGateway, gatewayKey, isInternalGatewayReference, MESH_GATEWAY, specGatewaysOf } from "../../../analysis/gateway-references.ts";
import { isVirtualService } from "../../../analysis/virtual-service-destinations.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { hostsOverlap } from "../../../support/istio/names.ts";
import { asArray, asObject, asString, at } from "../../../support/values.ts";

/**
 * The hosts an Istio Gateway's servers expose to VirtualServices of `namespace` (istioctl's reading): `./host` is in
 * the Gateway's namespace, `*\/host` in every namespace, `*\/*` is `*`; `ns/host` counts only for `ns`.
 */
function istioGatewayHosts(gateway: ManifestObject, namespace: string): string[] {
  const gatewayNamespace = namespaceOf(gateway) ?? "default";
  const hosts: string[] = [];
  for (const server of asArray(at(gateway.object, "spec", "servers"))) {
    for (const value of asArray(asObject(server)?.hosts)) {
      if (typeof value !== "string") continue;
      const slash = value.indexOf("/");
      if (slash < 0) {
        hosts.push(value);
        continue;
      }
      const scope = value.slice(0, slash);
      const host = value.slice(slash + 1);
      if (scope === "*" || (scope === "." ? gatewayNamespace : scope) === namespace) hosts.push(host);
    }
  }
  return hosts;
}

/** Whether a Gateway API Gateway accepts `hosts`: a listener without a hostname accepts any. */
function kubernetesGatewayAccepts(gateway: ManifestObject, hosts: readonly string[]): boolean {
  const listeners = asArray(at(gateway.object, "spec", "listeners"));
  return listeners.some((listener) => {
    const hostname = asString(asObject(listener)?.hostname) ?? "";
    return hostname === "" || hosts.some((host) => hostsOverlap(hostname, host));
  });
}

/**
 * istioctl's IST0132 (`virtualservice.GatewayAnalyzer`): a VirtualService bound to a Gateway has a host that one of
 * the Gateway's servers exposes (wildcards match either way; hosts are compared as written). A Gateway API Gateway
 * accepts the hosts of its listeners, or any host when a listener has no hostname. A gateway that is not found is
 * IST0101's finding alone.
 */
export const virtualServiceHostNotInGateway: GroupRule = {
  id: "virtual-service-host-not-in-gateway",
  category: "analysis",
  scope: "group",
  code: "IST0132",
  severity: "warning",
  description: "A VirtualService bound to a Gateway has at least one host that the Gateway exposes (istioctl IST0132).",
  upstreamMessage:
    "Warning [IST0132] (VirtualService default/testing-service) one or more host [wrong.com] defined in VirtualService default/testing-service not found in Gateway default/testing-gateway.",
  check(objects) {
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (!isVirtualService(object)) continue;
      const gateways = specGatewaysOf(object);
      if (gateways.length === 0) continue;
      const index = environmentIndex(objects);
      const namespace = namespaceOf(object) ?? "default";
      const hosts = asArray(at(object.object, "spec", "hosts")).filter((h): h is string => typeof h === "string");
      for (const { path, gateway } of gateways) {
        if (gateway === MESH_GATEWAY || isInternalGatewayReference(gateway)) continue;
        const key = gatewayKey(namespace, gateway);
        const found = findGateway(index, key);
        if (found === undefined) continue;
        const exposed =
          found.kind === "kubernetes"
            ? kubernetesGatewayAccepts(found.object, hosts)
            : istioGatewayHosts(found.object, namespace).some((gatewayHost) => hosts.some((host) => hostsOverlap(gatewayHost, host)));
        if (exposed) continue;
        problems.push({
          object,
          path,
          message: `one or more host [${hosts.join(" ")}] defined in VirtualService ${namespace}/${object.name} not found in Gateway ${key}. (IST0132)`,
        });
      }
    }
    return problems;
  },
};
