import { rbacNoWildcard } from "../../../src/rules/policy/rbac-no-wildcard.rule.ts";
import { ruleTable } from "../rule-table.ts";

const role = (rules: object[], kind = "Role") => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind, metadata: { name: "reader", ...(kind === "Role" ? { namespace: "shop" } : {}) }, rules });

ruleTable(rbacNoWildcard, {
  valid: [{ name: "listed verbs and resources", manifests: [role([{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] }])] }],
  invalid: [
    {
      name: "every verb on every resource of a ClusterRole",
      manifests: [role([{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }], "ClusterRole")],
      errors: [
        'rules[0].apiGroups[0]: Invalid value: "*": grants every API group; list exactly what is needed',
        'rules[0].resources[0]: Invalid value: "*": grants every resource; list exactly what is needed',
        'rules[0].verbs[0]: Invalid value: "*": grants every verb; list exactly what is needed',
      ],
    },
  ],
});
