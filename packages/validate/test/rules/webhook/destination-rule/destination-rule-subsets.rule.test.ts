import { destinationRuleSubsets } from "../../../../src/rules/webhook/destination-rule/destination-rule-subsets.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { dr } from "../istio-fixtures.ts";

ruleTable(destinationRuleSubsets, {
  valid: [{ name: "distinct subsets", manifests: [dr((d) => { d.spec.subsets.push({ name: "v2", labels: { version: "v2", "app.kubernetes.io/name": "web" } }); })] }],
  invalid: [
    { name: "a duplicate name", manifests: [dr((d) => { d.spec.subsets.push({ name: "v1", labels: { version: "v2" } }); })], errors: ["spec.subsets[1].name: duplicate subset names: v1"] },
    { name: "a dotted name", manifests: [dr((d) => { d.spec.subsets[0].name = "v1.0"; })], errors: ["spec.subsets[0].name: subset name is invalid: v1.0"] },
    { name: "an empty name", manifests: [dr((d) => { d.spec.subsets[0].name = ""; })], errors: ["spec.subsets[0].name: subset name cannot be empty"] },
    { name: "an invalid label value", manifests: [dr((d) => { d.spec.subsets[0].labels = { version: "v1/beta" }; })], errors: ['spec.subsets[0].labels[version]: invalid tag value: "v1/beta"'] },
  ],
});
