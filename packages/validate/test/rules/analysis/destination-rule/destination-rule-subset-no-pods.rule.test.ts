import { destinationRuleSubsetNoPods } from "../../../../src/rules/analysis/destination-rule/destination-rule-subset-no-pods.rule.ts";
import { deployment, destinationRule, service } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(destinationRuleSubsetNoPods, {
  valid: [
    { name: "the subset selects the Deployment's pods", manifests: [deployment(), service(), destinationRule()] },
    { name: "an external host is not checked", manifests: [destinationRule((d) => { d.spec.host = "api.example.com"; })] },
  ],
  invalid: [
    {
      name: "a subset of a version no workload runs",
      manifests: [deployment(), service(), destinationRule((d) => { d.spec.subsets.push({ name: "v2", labels: { version: "v2" } }); })],
      errors: ['spec.subsets[1].labels: subset "v2" of web.shop.svc.cluster.local selects no pods of any workload in namespace "shop"'],
    },
    {
      name: "pods of the version, but in another namespace",
      manifests: [deployment((d) => { d.metadata.namespace = "other"; }), service(), destinationRule()],
      errors: ['spec.subsets[0].labels: subset "v1" of web.shop.svc.cluster.local selects no pods of any workload in namespace "shop"'],
    },
  ],
});
