import { virtualServiceUnreachableRule } from "../../../../src/rules/analysis/virtual-service/virtual-service-unreachable-rule.rule.ts";
import { virtualService, type Json } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const destination = { destination: { host: "web.shop.svc.cluster.local" } };
const http = (...rules: Json[]) => virtualService((v) => { v.spec.http = rules.map((r) => ({ route: [destination], ...r })); });

ruleTable(virtualServiceUnreachableRule, {
  valid: [
    { name: "one rule without matches", manifests: [virtualService()] },
    { name: "specific rules, then a catch-all", manifests: [http({ match: [{ uri: { prefix: "/api" } }] }, { match: [{ uri: { prefix: "/admin" } }] }, {})] },
    { name: "a rule with one new match among repeated ones", manifests: [http({ match: [{ uri: { exact: "/a" } }] }, { match: [{ uri: { exact: "/a" } }, { uri: { exact: "/b" } }] })] },
    { name: "matches differing only by header", manifests: [http({ match: [{ uri: { exact: "/a" }, headers: { x: { exact: "1" } } }] }, { match: [{ uri: { exact: "/a" } }] })] },
  ],
  invalid: [
    { name: "two rules without matches", manifests: [http({}, {})], errors: ["spec.http[1]: VirtualService rule #1 not used (only the last rule can have no matches). (IST0130)"] },
    {
      name: "a rule after a catch-all (Istio 1.27), named",
      manifests: [http({}, { name: "api", match: [{ uri: { prefix: "/api" } }] })],
      errors: ['spec.http[1]: VirtualService rule "api" not used (route without matches defined before). (IST0130)'],
    },
    {
      name: "every match repeats an earlier one (the match name aside)",
      manifests: [http({ match: [{ name: "first", uri: { exact: "/a" } }] }, { match: [{ name: "again", uri: { exact: "/a" } }] })],
      errors: ["spec.http[1]: VirtualService rule #1 not used (all matches used by prior rules). (IST0130)"],
    },
    {
      name: "tcp rules",
      manifests: [virtualService((v) => { v.spec.http = undefined; v.spec.tcp = [{ match: [{ port: 5432 }], route: [destination] }, { match: [{ port: 5432 }], route: [destination] }]; })],
      errors: ["spec.tcp[1]: VirtualService rule #1 not used (all matches used by prior rules). (IST0130)"],
    },
  ],
});
