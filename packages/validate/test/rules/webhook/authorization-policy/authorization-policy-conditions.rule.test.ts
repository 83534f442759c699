import { authorizationPolicyConditions } from "../../../../src/rules/webhook/authorization-policy/authorization-policy-conditions.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { ap } from "../istio-fixtures.ts";

const when = (...conditions: object[]) => ap((p) => { p.spec.rules[0].when = conditions; });

ruleTable(authorizationPolicyConditions, {
  valid: [{ name: "claims, headers, IPs and ports", manifests: [when({ key: "request.auth.claims[groups]", values: ["admin"] }, { key: "request.headers[x-tenant]", notValues: ["guest"] }, { key: "source.ip", values: ["10.0.0.0/8"] }, { key: "destination.port", values: ["8080"] })] }],
  invalid: [
    { name: "an unknown key (istiod also judges the absent notValues)", manifests: [when({ key: "request.auth.claim[iss]", values: ["a"] })], errors: ["spec.rules[0].when[0].notValues: invalid policy web.shop: invalid `notValue` for `key` request.auth.claim[iss]: unknown attribute: request.auth.claim[iss]", "spec.rules[0].when[0].values: invalid policy web.shop: invalid `value` for `key` request.auth.claim[iss]: unknown attribute: request.auth.claim[iss]"] },
    { name: "no values", manifests: [when({ key: "source.namespace" })], errors: ["spec.rules[0].when[0]: invalid policy web.shop: at least one of `values` or `notValues` must be set for key source.namespace"] },
    { name: "a claim without brackets", manifests: [when({ key: "request.auth.claims", values: ["a"] })], errors: ["spec.rules[0].when[0].notValues: invalid policy web.shop: invalid `notValue` for `key` request.auth.claims: bad key (request.auth.claims): should have format a[b]", "spec.rules[0].when[0].values: invalid policy web.shop: invalid `value` for `key` request.auth.claims: bad key (request.auth.claims): should have format a[b]"] },
    { name: "a replaced attribute", manifests: [when({ key: "destination.labels[app]", notValues: ["web"] })], errors: ["spec.rules[0].when[0].values: invalid policy web.shop: invalid `value` for `key` destination.labels[app]: attribute destination.labels[app] is replaced by the workload selector", "spec.rules[0].when[0].notValues: invalid policy web.shop: invalid `notValue` for `key` destination.labels[app]: attribute destination.labels[app] is replaced by the workload selector"] },
  ],
});
