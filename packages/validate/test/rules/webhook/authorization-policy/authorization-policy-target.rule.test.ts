import { authorizationPolicyTarget } from "../../../../src/rules/webhook/authorization-policy/authorization-policy-target.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { ap } from "../istio-fixtures.ts";

const gatewayRef = { group: "gateway.networking.k8s.io", kind: "Gateway", name: "public" };

ruleTable(authorizationPolicyTarget, {
  valid: [
    { name: "a selector", manifests: [ap()] },
    { name: "a Gateway API target", versions: { istio: "1.22" }, manifests: [ap((p) => { delete p.spec.selector; p.spec.targetRefs = [gatewayRef, { kind: "Service", group: "", name: "web" }]; })] },
  ],
  invalid: [
    { name: "a selector and a targetRef", manifests: [ap((p) => { p.spec.targetRef = gatewayRef; })], errors: ["spec: invalid policy web.shop: only one of targetRefs or workloadSelector can be set"] },
    {
      name: "a Deployment in another namespace",
      versions: { istio: "1.22" },
      manifests: [ap((p) => { delete p.spec.selector; p.spec.targetRefs = [{ group: "apps", kind: "Deployment", name: "web", namespace: "other" }]; })],
      errors: [
        "spec.targetRefs[0]: invalid policy web.shop: targetRef must be to one of [core/v1/Service networking.istio.io/v1/ServiceEntry gateway.networking.k8s.io/v1/Gateway] but was apps/Deployment",
        "spec.targetRefs[0].namespace: invalid policy web.shop: targetRef namespace must not be set; cross namespace referencing is not supported",
      ],
    },
    { name: "an empty selector key", manifests: [ap((p) => { p.spec.selector.matchLabels = { "": "web" }; })], errors: ['spec.selector.matchLabels[]: invalid policy web.shop: empty key is not supported in selector: "=web"'] },
  ],
});
