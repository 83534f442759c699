import { mtlsNeverRelaxed } from "../../../src/rules/policy/mtls-never-relaxed.rule.ts";
import { destinationRule } from "../../fixtures.ts";
import { ruleTable } from "../rule-table.ts";

const peer = (spec: object) => ({ apiVersion: "security.istio.io/v1beta1", kind: "PeerAuthentication", metadata: { name: "default", namespace: "shop" }, spec });

ruleTable(mtlsNeverRelaxed, {
  valid: [
    { name: "STRICT everywhere", manifests: [peer({ mtls: { mode: "STRICT" }, portLevelMtls: { 8080: { mode: "STRICT" } } })] },
    { name: "ISTIO_MUTUAL to an in-mesh host", manifests: [destinationRule()] },
    { name: "plain TLS to an external host", manifests: [destinationRule((d) => { d.spec.host = "api.example.com"; d.spec.trafficPolicy.tls = { mode: "SIMPLE" }; })] },
  ],
  invalid: [
    {
      name: "PERMISSIVE and an unset port mode",
      manifests: [peer({ mtls: { mode: "PERMISSIVE" }, portLevelMtls: { 9090: {} } })],
      errors: ['spec.mtls.mode: "PERMISSIVE" relaxes mutual TLS; the platform requires STRICT', 'spec.portLevelMtls[9090].mode: "unset" relaxes mutual TLS; the platform requires STRICT'],
    },
    {
      name: "DISABLE to an in-mesh host, on a subset",
      manifests: [destinationRule((d) => { d.spec.subsets[0].trafficPolicy = { tls: { mode: "DISABLE" } }; })],
      errors: ['spec.subsets[0].trafficPolicy.tls.mode: "DISABLE" relaxes mutual TLS to an in-mesh host; use ISTIO_MUTUAL'],
    },
  ],
});
