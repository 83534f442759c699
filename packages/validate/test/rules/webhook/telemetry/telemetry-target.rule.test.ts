import { telemetryTarget } from "../../../../src/rules/webhook/telemetry/telemetry-target.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { telemetry } from "../istio-fixtures.ts";

ruleTable(telemetryTarget, {
  valid: [{ name: "a selector", manifests: [telemetry()] }, { name: "namespace-wide", manifests: [telemetry((t) => { t.metadata.name = "all"; delete t.spec.selector; })] }],
  invalid: [
    { name: "a cross-namespace target", versions: { istio: "1.22" }, manifests: [telemetry((t) => { delete t.spec.selector; t.spec.targetRefs = [{ group: "gateway.networking.k8s.io", kind: "Gateway", name: "public", namespace: "istio-ingress" }]; })], errors: ["spec.targetRefs[0].namespace: targetRef namespace must not be set; cross namespace referencing is not supported"] },
  ],
});
