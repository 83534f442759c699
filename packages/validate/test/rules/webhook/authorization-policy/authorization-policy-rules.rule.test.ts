import { authorizationPolicyRules } from "../../../../src/rules/webhook/authorization-policy/authorization-policy-rules.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { ap } from "../istio-fixtures.ts";

const rule = (r: object) => ap((p) => { p.spec.rules = [r]; });

ruleTable(authorizationPolicyRules, {
  valid: [
    { name: "principals and methods", manifests: [ap()] },
    { name: "IP blocks, ports and path templates", manifests: [rule({ from: [{ source: { ipBlocks: ["10.0.0.0/8", "2001:db8::1"] } }], to: [{ operation: { ports: ["8080"], paths: ["/api/{*}/items/{**}"] } }] })] },
  ],
  invalid: [
    { name: "an empty from", manifests: [rule({ from: [] })], errors: ["spec.rules[0].from: invalid policy web.shop: `from` must not be empty, found at rule 0"] },
    { name: "an empty source", manifests: [rule({ from: [{ source: {} }] })], errors: ["spec.rules[0].from[0].source: invalid policy web.shop: `from.source` must not be empty, found at rule 0"] },
    { name: "an operation-less to", manifests: [rule({ to: [{}] })], errors: ["spec.rules[0].to[0]: invalid policy web.shop: `to.operation` must not be nil, found at rule 0"] },
    { name: "an empty value", manifests: [rule({ to: [{ operation: { methods: ["GET", ""] } }] })], errors: ["spec.rules[0].to[0].operation.methods: invalid policy web.shop: empty value not allowed, found in Methods"] },
    { name: "a bad IP and a bad port", manifests: [rule({ from: [{ source: { ipBlocks: ["10.0.0.300"] } }], to: [{ operation: { ports: ["http"] } }] })], errors: ["spec.rules[0].from[0].source.ipBlocks[0]: invalid policy web.shop: bad IP address (10.0.0.300)", 'spec.rules[0].to[0].operation.ports[0]: invalid policy web.shop: bad port (http): strconv.ParseUint: parsing "http": invalid syntax'] },
    { name: "a named path variable", manifests: [rule({ to: [{ operation: { paths: ["/api/{id}/{**}"] } }] })], errors: ["spec.rules[0].to[0].operation.paths: invalid policy web.shop: invalid or unsupported path template, found in Paths"] },
  ],
});
