import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { invalid, isDns1123Subdomain, notSupported, required } from "../../../support/apiserver-validation.ts";
import { asArray, asObject, asString } from "../../../support/values.ts";

const RBAC_GROUP = "rbac.authorization.k8s.io";
const SUBJECT_KINDS = ["ServiceAccount", "User", "Group"];

/**
 * Every subject of a RoleBinding or ClusterRoleBinding has a name and a kind of ServiceAccount, User or Group; a
 * ServiceAccount is in the core group (`apiGroup` empty), has a valid name, and in a ClusterRoleBinding a namespace;
 * a User or Group is in the RBAC group (the default when left out).
 */
export const roleBindingSubjects: ObjectRule = {
  id: "role-binding-subjects",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Binding subjects are named ServiceAccounts (core group; with a namespace in a ClusterRoleBinding), Users or Groups (rbac.authorization.k8s.io group).",
  upstreamMessage: "subjects[0].namespace: Required value",
  kinds: new Set(["RoleBinding", "ClusterRoleBinding"]),
  check(object) {
    if ((object.kind !== "RoleBinding" && object.kind !== "ClusterRoleBinding") || apiGroup(object.apiVersion) !== RBAC_GROUP) return [];
    const namespaced = object.kind === "RoleBinding";
    const problems: RuleProblem[] = [];
    asArray(object.object.subjects).forEach((item, index) => {
      const subject = asObject(item) ?? {};
      const path = ["subjects", index];
      const name = asString(subject.name) ?? "";
      const group = asString(subject.apiGroup) ?? "";
      const kind = asString(subject.kind) ?? "";
      if (name === "") problems.push({ path: [...path, "name"], message: required() });
      if (kind === "ServiceAccount") {
        for (const message of name === "" ? [] : isDns1123Subdomain(name)) problems.push({ path: [...path, "name"], message: invalid(name, message) });
        if (group !== "") problems.push({ path: [...path, "apiGroup"], message: notSupported(group, [""]) });
        if (!namespaced && (asString(subject.namespace) ?? "") === "") problems.push({ path: [...path, "namespace"], message: required() });
      } else if (kind === "User" || kind === "Group") {
        if (group !== RBAC_GROUP) problems.push({ path: [...path, "apiGroup"], message: notSupported(group, [RBAC_GROUP]) });
      } else {
        problems.push({ path: [...path, "kind"], message: notSupported(kind, SUBJECT_KINDS) });
      }
    });
    return problems;
  },
};
