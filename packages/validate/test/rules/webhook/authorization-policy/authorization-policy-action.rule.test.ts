import { authorizationPolicyAction } from "../../../../src/rules/webhook/authorization-policy/authorization-policy-action.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { ap } from "../istio-fixtures.ts";

ruleTable(authorizationPolicyAction, {
  valid: [
    { name: "ALLOW without rules (denies everything)", manifests: [ap((p) => { delete p.spec.rules; })] },
    { name: "DENY with an empty rule", manifests: [ap((p) => { p.spec.action = "DENY"; p.spec.rules = [{}]; })] },
    { name: "CUSTOM with a provider", manifests: [ap((p) => { p.spec.action = "CUSTOM"; p.spec.provider = { name: "ext-authz" }; p.spec.rules = [{ to: [{ operation: { paths: ["/admin/*"] } }] }]; })] },
    { name: "a dry run", manifests: [ap((p) => { p.metadata.annotations = { "istio.io/dry-run": "true" }; })] },
  ],
  invalid: [
    { name: "DENY without rules", manifests: [ap((p) => { p.spec.action = "DENY"; delete p.spec.rules; })], errors: ["spec: invalid policy web.shop: DENY action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request"] },
    { name: "CUSTOM without a provider name", manifests: [ap((p) => { p.spec.action = "CUSTOM"; p.spec.provider = {}; p.spec.rules = [{}]; })], errors: ["spec.provider: invalid policy web.shop: `provider.name` must not be empty"] },
    { name: "CUSTOM with principals", manifests: [ap((p) => { p.spec.action = "CUSTOM"; p.spec.provider = { name: "ext-authz" }; })], errors: ["spec.rules[0].from[0].source.principals: invalid policy web.shop: From.Principals is currently not supported with CUSTOM action"] },
    { name: "a provider with ALLOW", manifests: [ap((p) => { p.spec.provider = { name: "ext-authz" }; })], errors: ["spec.provider: invalid policy web.shop: `provider` must not be with non CUSTOM action, found ALLOW"] },
    { name: "a dry run that is no boolean", manifests: [ap((p) => { p.metadata.annotations = { "istio.io/dry-run": "maybe" }; })], errors: ['metadata.annotations[istio.io/dry-run]: shop/web has annotation istio.io/dry-run with invalid value (maybe): strconv.ParseBool: parsing "maybe": invalid syntax'] },
  ],
});
