import { roleBindingRoleRef } from "../../../../src/rules/apiserver/rbac/role-binding-role-ref.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { clusterRoleBinding, roleBinding } from "./fixtures.ts";

ruleTable(roleBindingRoleRef, {
  valid: [
    { name: "a Role", manifests: [roleBinding()] },
    { name: "a ClusterRole from a RoleBinding", manifests: [roleBinding((b) => { b.roleRef.kind = "ClusterRole"; b.roleRef.name = "view"; })] },
    { name: "a ClusterRoleBinding", manifests: [clusterRoleBinding()] },
    { name: "an empty apiGroup (defaulted to rbac.authorization.k8s.io)", manifests: [roleBinding((b) => { b.roleRef.apiGroup = ""; })] },
    { name: "a name with ':' (a path segment)", manifests: [clusterRoleBinding((b) => { b.roleRef.name = "system:auth-delegator"; })] },
  ],
  invalid: [
    { name: "a Role from a ClusterRoleBinding", manifests: [clusterRoleBinding((b) => { b.roleRef.kind = "Role"; })], errors: ['roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"'] },
    { name: "an unknown kind", manifests: [roleBinding((b) => { b.roleRef.kind = "Group"; })], errors: ['roleRef.kind: Unsupported value: "Group": supported values: "Role", "ClusterRole"'] },
    { name: "another API group", manifests: [roleBinding((b) => { b.roleRef.apiGroup = "rbac.example.com"; })], errors: ['roleRef.apiGroup: Unsupported value: "rbac.example.com": supported values: "rbac.authorization.k8s.io"'] },
    { name: "an empty name", manifests: [roleBinding((b) => { b.roleRef.name = ""; })], errors: ["roleRef.name: Required value"] },
    { name: "a name with '/'", manifests: [roleBinding((b) => { b.roleRef.name = "shop/web-reader"; })], errors: ["roleRef.name: Invalid value: \"shop/web-reader\": may not contain '/'"] },
  ],
});
