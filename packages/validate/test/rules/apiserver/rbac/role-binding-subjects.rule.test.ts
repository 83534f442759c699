import { roleBindingSubjects } from "../../../../src/rules/apiserver/rbac/role-binding-subjects.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { clusterRoleBinding, roleBinding } from "./fixtures.ts";

const subject = (value: object) => roleBinding((b) => { b.subjects = [value]; });
const clusterSubject = (value: object) => clusterRoleBinding((b) => { b.subjects = [value]; });

ruleTable(roleBindingSubjects, {
  valid: [
    { name: "a ServiceAccount", manifests: [roleBinding()] },
    { name: "a ServiceAccount without a namespace in a RoleBinding (the binding's)", manifests: [subject({ kind: "ServiceAccount", name: "web" })] },
    { name: "a User and a Group without apiGroup (defaulted)", manifests: [roleBinding((b) => { b.subjects = [{ kind: "User", name: "alice@example.com" }, { kind: "Group", name: "system:authenticated" }]; })] },
    { name: "a Group with its apiGroup", manifests: [clusterSubject({ kind: "Group", name: "oidc:platform-admins", apiGroup: "rbac.authorization.k8s.io" })] },
    { name: "no subjects", manifests: [roleBinding((b) => { delete b.subjects; })] },
  ],
  invalid: [
    { name: "a ServiceAccount without a namespace in a ClusterRoleBinding", manifests: [clusterSubject({ kind: "ServiceAccount", name: "web" })], errors: ["subjects[0].namespace: Required value"] },
    {
      name: "a ServiceAccount in the RBAC group",
      manifests: [subject({ kind: "ServiceAccount", name: "web", apiGroup: "rbac.authorization.k8s.io" })],
      errors: ['subjects[0].apiGroup: Unsupported value: "rbac.authorization.k8s.io": supported values: ""'],
    },
    {
      name: "a ServiceAccount name with '_'",
      manifests: [subject({ kind: "ServiceAccount", name: "web_sa" })],
      errors: [
        "subjects[0].name: Invalid value: \"web_sa\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    },
    { name: "a User in the core group", manifests: [subject({ kind: "User", name: "alice", apiGroup: "v1" })], errors: ['subjects[0].apiGroup: Unsupported value: "v1": supported values: "rbac.authorization.k8s.io"'] },
    { name: "an unknown kind", manifests: [subject({ kind: "Team", name: "platform" })], errors: ['subjects[0].kind: Unsupported value: "Team": supported values: "ServiceAccount", "User", "Group"'] },
    { name: "an empty name", manifests: [subject({ kind: "Group", name: "" })], errors: ["subjects[0].name: Required value"] },
  ],
});
