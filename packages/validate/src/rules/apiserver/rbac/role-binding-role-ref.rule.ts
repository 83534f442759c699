import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { invalid, isValidPathSegmentName, notSupported, required } from "../../../support/apiserver-validation.ts";
import { asObject, asString } from "../../../support/values.ts";

const RBAC_GROUP = "rbac.authorization.k8s.io";

/**
 * A RoleBinding's `roleRef` names a Role or ClusterRole, a ClusterRoleBinding's a ClusterRole, in the RBAC API group
 * (the default when left out), by a name that is a path segment.
 */
export const roleBindingRoleRef: ObjectRule = {
  id: "role-binding-role-ref",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A RoleBinding's roleRef is a Role or ClusterRole (a ClusterRoleBinding's a ClusterRole) of the rbac.authorization.k8s.io group, with a valid name.",
  upstreamMessage: 'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
  kinds: new Set(["RoleBinding", "ClusterRoleBinding"]),
  check(object) {
    if ((object.kind !== "RoleBinding" && object.kind !== "ClusterRoleBinding") || apiGroup(object.apiVersion) !== RBAC_GROUP) return [];
    const roleRef = asObject(object.object.roleRef) ?? {};
    const problems: RuleProblem[] = [];
    const group = asString(roleRef.apiGroup) ?? "";
    if (group !== RBAC_GROUP) problems.push({ path: ["roleRef", "apiGroup"], message: notSupported(group, [RBAC_GROUP]) });
    const kinds = object.kind === "RoleBinding" ? ["Role", "ClusterRole"] : ["ClusterRole"];
    const kind = asString(roleRef.kind) ?? "";
    if (!kinds.includes(kind)) problems.push({ path: ["roleRef", "kind"], message: notSupported(kind, kinds) });
    const name = asString(roleRef.name) ?? "";
    if (name === "") problems.push({ path: ["roleRef", "name"], message: required() });
    else for (const message of isValidPathSegmentName(name)) problems.push({ path: ["roleRef", "name"], message: invalid(name, message) });
    return problems;
  },
};
