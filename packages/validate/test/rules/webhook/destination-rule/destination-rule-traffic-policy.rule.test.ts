import { destinationRuleTrafficPolicy } from "../../../../src/rules/webhook/destination-rule/destination-rule-traffic-policy.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { dr } from "../istio-fixtures.ts";

const policy = (p: object) => dr((d) => { d.spec.trafficPolicy = p; });

ruleTable(destinationRuleTrafficPolicy, {
  valid: [
    { name: "TLS and port-level settings", manifests: [policy({ tls: { mode: "ISTIO_MUTUAL" }, portLevelSettings: [{ port: { number: 8080 }, loadBalancer: { simple: "ROUND_ROBIN" } }] })] },
    { name: "a tunnel", manifests: [policy({ tunnel: { protocol: "CONNECT", targetHost: "egress.example.com", targetPort: 443 } })] },
  ],
  invalid: [
    { name: "an empty policy", manifests: [policy({})], errors: ["spec.trafficPolicy: traffic policy must have at least one field"] },
    { name: "an empty subset policy", manifests: [dr((d) => { d.spec.subsets[0].trafficPolicy = {}; })], errors: ["spec.subsets[0].trafficPolicy: traffic policy must have at least one field"] },
    { name: "tunnel and PROXY protocol", manifests: [policy({ tunnel: { targetHost: "a.example.com", targetPort: 443 }, proxyProtocol: { version: "V1" } })], errors: ["spec.trafficPolicy: tunnel and proxyProtocol must not be set together"] },
    {
      name: "a port-level policy without port or settings",
      manifests: [policy({ portLevelSettings: [{}] })],
      errors: ["spec.trafficPolicy.portLevelSettings[0]: port traffic policy must have at least one field", "spec.trafficPolicy.portLevelSettings[0]: portTrafficPolicy must have valid port"],
    },
    {
      name: "a tunnel to nowhere",
      manifests: [policy({ tunnel: { protocol: "GET", targetHost: "", targetPort: 0 } })],
      errors: [
        'spec.trafficPolicy.tunnel.protocol: tunnel protocol must be "CONNECT" or "POST"',
        "spec.trafficPolicy.tunnel.targetHost: tunnel target host must be valid FQDN or IP address: empty domain name not allowed;  is not a valid IP",
        "spec.trafficPolicy.tunnel.targetPort: tunnel target port is invalid: port number 0 must be in the range 1..65535",
      ],
    },
  ],
});
