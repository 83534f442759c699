import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { validateFqdn } from "../../../support/istio/names.ts";
import { isValidIp, validatePort } from "../../../support/istio/net.ts";
import { trafficPoliciesOf } from "../../../support/istio/traffic-policy.ts";
import { asNumber, asObject, asString, isSet } from "../../../support/values.ts";

const POLICY_FIELDS = ["outlierDetection", "connectionPool", "loadBalancer", "tls", "portLevelSettings", "tunnel", "proxyProtocol"];
const PORT_POLICY_FIELDS = ["outlierDetection", "connectionPool", "loadBalancer", "tls"];

/**
 * istiod's shape checks of DestinationRule traffic policies (`validateTrafficPolicy`, `validatePortTrafficPolicies`,
 * `validateTunnelSettings`, `validateProxyProtocol`): a policy sets at least one field, not both a tunnel and the
 * PROXY protocol; port-level policies name a port and set something; tunnels use CONNECT or POST to an FQDN or IP
 * and a port in range; PROXY protocol version is 0 or 1.
 */
export const destinationRuleTrafficPolicy: ObjectRule = {
  id: "destination-rule-traffic-policy",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "DestinationRule traffic policies (top-level, per subset, per port) set at least one field, not both tunnel and PROXY protocol, with port-level policies naming a port and valid tunnel settings.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: traffic policy must have at least one field',
  kinds: new Set(["DestinationRule"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "DestinationRule");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const { policy, path, portLevel } of trafficPoliciesOf(spec)) {
      if (portLevel) {
        if (!isSet(policy.port)) problems.add(path, "portTrafficPolicy must have valid port");
        if (!PORT_POLICY_FIELDS.some((f) => isSet(policy[f]))) problems.add(path, "port traffic policy must have at least one field");
        continue;
      }
      if (!POLICY_FIELDS.some((f) => isSet(policy[f]))) {
        problems.add(path, "traffic policy must have at least one field");
        continue;
      }
      if (isSet(policy.tunnel) && isSet(policy.proxyProtocol)) {
        problems.add(path, "tunnel and proxyProtocol must not be set together");
        continue;
      }
      const tunnel = asObject(policy.tunnel);
      if (tunnel !== undefined) {
        const protocol = asString(tunnel.protocol) ?? "";
        if (protocol !== "" && protocol !== "CONNECT" && protocol !== "POST") problems.add([...path, "tunnel", "protocol"], 'tunnel protocol must be "CONNECT" or "POST"');
        const targetHost = asString(tunnel.targetHost) ?? "";
        const fqdnError = validateFqdn(targetHost);
        if (fqdnError !== undefined && !isValidIp(targetHost)) {
          problems.add([...path, "tunnel", "targetHost"], `tunnel target host must be valid FQDN or IP address: ${fqdnError}; ${targetHost} is not a valid IP`);
        }
        const portError = validatePort(asNumber(tunnel.targetPort) ?? 0);
        if (portError !== undefined) problems.add([...path, "tunnel", "targetPort"], `tunnel target port is invalid: ${portError}`);
      }
      const version = asNumber(asObject(policy.proxyProtocol)?.version);
      if (version !== undefined && version !== 0 && version !== 1) problems.add([...path, "proxyProtocol", "version"], `proxy protocol version is invalid: ${version}`);
    }
    return problems.list;
  },
};
