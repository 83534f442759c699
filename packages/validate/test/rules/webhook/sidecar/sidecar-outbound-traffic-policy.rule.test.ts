import { sidecarOutboundTrafficPolicy } from "../../../../src/rules/webhook/sidecar/sidecar-outbound-traffic-policy.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { sidecar } from "../istio-fixtures.ts";

const policy = (p: object) => sidecar((s) => { s.spec.outboundTrafficPolicy = p; });

ruleTable(sidecarOutboundTrafficPolicy, {
  valid: [{ name: "an egress proxy with ALLOW_ANY", manifests: [policy({ mode: "ALLOW_ANY", egressProxy: { host: "egress.istio-system.svc.cluster.local", port: { number: 8080 } } })] }],
  invalid: [
    { name: "an egress proxy with REGISTRY_ONLY", manifests: [policy({ mode: "REGISTRY_ONLY", egressProxy: { host: "egress.example.com", port: { number: 8080 } } })], errors: ["spec.outboundTrafficPolicy.egressProxy: sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode"] },
    { name: "no port", manifests: [policy({ mode: "ALLOW_ANY", egressProxy: { host: "egress.example.com" } })], errors: ["spec.outboundTrafficPolicy.egressProxy: sidecar: egress_proxy port must be non-nil"] },
  ],
});
