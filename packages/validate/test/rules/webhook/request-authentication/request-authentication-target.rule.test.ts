import { requestAuthenticationTarget } from "../../../../src/rules/webhook/request-authentication/request-authentication-target.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { ra } from "../istio-fixtures.ts";

ruleTable(requestAuthenticationTarget, {
  valid: [{ name: "a selector", manifests: [ra()] }],
  invalid: [
    { name: "a selector and targetRefs", versions: { istio: "1.22" }, manifests: [ra((r) => { r.spec.targetRefs = [{ group: "gateway.networking.k8s.io", kind: "Gateway", name: "public" }]; })], errors: ["spec: only one of targetRefs or workloadSelector can be set"] },
    { name: "an unnamed target", versions: { istio: "1.22" }, manifests: [ra((r) => { delete r.spec.selector; r.spec.targetRefs = [{ group: "gateway.networking.k8s.io", kind: "Gateway" }]; })], errors: ["spec.targetRefs[0]: targetRef name must be set"] },
  ],
});
