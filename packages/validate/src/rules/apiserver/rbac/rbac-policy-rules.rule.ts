import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { asArray, asObject } from "../../../support/values.ts";

/**
 * Every rule of a Role or ClusterRole lists verbs; a non-resource rule (`nonResourceURLs`) is a ClusterRole's only and
 * names no API groups, resources or resource names; a resource rule names at least one API group and one resource.
 */
export const rbacPolicyRules: ObjectRule = {
  id: "rbac-policy-rules",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Role and ClusterRole rules list verbs, and either API groups and resources or (ClusterRole only) non-resource URLs alone.",
  upstreamMessage: "rules[0].apiGroups: Required value: resource rules must supply at least one api group",
  kinds: new Set(["Role", "ClusterRole"]),
  check(object) {
    if ((object.kind !== "Role" && object.kind !== "ClusterRole") || apiGroup(object.apiVersion) !== "rbac.authorization.k8s.io") return [];
    const namespaced = object.kind === "Role";
    const problems: RuleProblem[] = [];
    asArray(object.object.rules).forEach((item, index) => {
      const rule = asObject(item) ?? {};
      const path = ["rules", index];
      const count = (field: string) => asArray(rule[field]).length;
      if (count("verbs") === 0) problems.push({ path: [...path, "verbs"], message: required("verbs must contain at least one value") });
      if (count("nonResourceURLs") > 0) {
        const urls = rule.nonResourceURLs;
        if (namespaced) problems.push({ path: [...path, "nonResourceURLs"], message: invalid(urls, "namespaced rules cannot apply to non-resource URLs") });
        if (count("apiGroups") > 0 || count("resources") > 0 || count("resourceNames") > 0) {
          problems.push({ path: [...path, "nonResourceURLs"], message: invalid(urls, "rules cannot apply to both regular resources and non-resource URLs") });
        }
        return;
      }
      if (count("apiGroups") === 0) problems.push({ path: [...path, "apiGroups"], message: required("resource rules must supply at least one api group") });
      if (count("resources") === 0) problems.push({ path: [...path, "resources"], message: required("resource rules must supply at least one resource") });
    });
    return problems;
  },
};
