import { rbacPolicyRules } from "../../../../src/rules/apiserver/rbac/rbac-policy-rules.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { clusterRole, role } from "./fixtures.ts";

const roleRule = (rule: object) => role((r) => { r.rules = [rule]; });
const clusterRule = (rule: object) => clusterRole((r) => { r.rules = [rule]; });

ruleTable(rbacPolicyRules, {
  valid: [
    { name: "a resource rule", manifests: [role()] },
    { name: "resource and non-resource rules in a ClusterRole", manifests: [clusterRole()] },
    { name: "resource names on several resources (no longer refused)", manifests: [roleRule({ apiGroups: [""], resources: ["configmaps", "secrets"], resourceNames: ["web"], verbs: ["get"] })] },
    { name: "no rules (an aggregated ClusterRole)", manifests: [clusterRole((r) => { r.rules = []; })] },
  ],
  invalid: [
    { name: "no verbs", manifests: [roleRule({ apiGroups: [""], resources: ["pods"], verbs: [] })], errors: ["rules[0].verbs: Required value: verbs must contain at least one value"] },
    {
      name: "no API groups (the core group is \"\")",
      manifests: [roleRule({ resources: ["pods"], verbs: ["get"] })],
      errors: ["rules[0].apiGroups: Required value: resource rules must supply at least one api group"],
    },
    { name: "no resources", manifests: [roleRule({ apiGroups: ["apps"], verbs: ["get"] })], errors: ["rules[0].resources: Required value: resource rules must supply at least one resource"] },
    {
      name: "non-resource URLs in a Role",
      manifests: [roleRule({ nonResourceURLs: ["/healthz"], verbs: ["get"] })],
      errors: ['rules[0].nonResourceURLs: Invalid value: ["/healthz"]: namespaced rules cannot apply to non-resource URLs'],
    },
    {
      name: "non-resource URLs with resources",
      manifests: [clusterRule({ apiGroups: [""], resources: ["pods"], nonResourceURLs: ["/metrics"], verbs: ["get"] })],
      errors: ['rules[0].nonResourceURLs: Invalid value: ["/metrics"]: rules cannot apply to both regular resources and non-resource URLs'],
    },
  ],
});
