import { clusterRoleAggregation } from "../../../../src/rules/apiserver/rbac/cluster-role-aggregation.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { clusterRole } from "./fixtures.ts";

const aggregated = (clusterRoleSelectors: object[]) => clusterRole((r) => { r.rules = []; r.aggregationRule = { clusterRoleSelectors }; });

ruleTable(clusterRoleAggregation, {
  valid: [
    { name: "no aggregation", manifests: [clusterRole()] },
    { name: "aggregating by label", manifests: [aggregated([{ matchLabels: { "rbac.example.com/aggregate-to-monitoring": "true" } }])] },
    { name: "aggregating by expression", manifests: [aggregated([{ matchExpressions: [{ key: "rbac.example.com/aggregate", operator: "Exists" }] }])] },
  ],
  invalid: [
    { name: "no selectors", manifests: [aggregated([])], errors: ["aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil"] },
    {
      name: "a selector that does not convert",
      manifests: [aggregated([{ matchExpressions: [{ key: "tier", operator: "In", values: [] }] }])],
      errors: ['aggregationRule.clusterRoleSelectors[0]: Invalid value: "null": invalid label selector.'],
    },
  ],
});
