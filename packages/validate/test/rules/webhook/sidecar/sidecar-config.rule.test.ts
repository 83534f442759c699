import { sidecarConfig } from "../../../../src/rules/webhook/sidecar/sidecar-config.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { sidecar } from "../istio-fixtures.ts";

ruleTable(sidecarConfig, {
  valid: [
    { name: "egress", manifests: [sidecar()] },
    { name: "only an outbound traffic policy", manifests: [sidecar((s) => { delete s.spec.egress; s.spec.outboundTrafficPolicy = { mode: "REGISTRY_ONLY" }; })] },
  ],
  invalid: [
    { name: "nothing configured", manifests: [sidecar((s) => { delete s.spec.egress; })], errors: ["spec: sidecar: empty configuration provided"] },
    { name: "an empty selector key", manifests: [sidecar((s) => { s.spec.workloadSelector.labels = { "": "web" }; })], errors: ['spec.workloadSelector.labels[]: empty key is not supported in selector: "=web"'] },
    { name: "an empty inbound connection pool", manifests: [sidecar((s) => { s.spec.inboundConnectionPool = {}; })], errors: ["spec.inboundConnectionPool: connection pool must have at least one field"] },
  ],
});
