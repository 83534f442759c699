import type { ObjectRule, RuleProblem } from "../../rule.ts";
import { invalid } from "../../support/apiserver-validation.ts";
import { asArray, asObject } from "../../support/values.ts";

const WHAT: Readonly<Record<string, string>> = { verbs: "every verb", resources: "every resource", apiGroups: "every API group", nonResourceURLs: "every non-resource URL" };

/** RBAC rules list what they grant: no `*` in verbs, resources, API groups or non-resource URLs. */
export const rbacNoWildcard: ObjectRule = {
  id: "rbac-no-wildcard",
  category: "policy",
  scope: "object",
  severity: "warning",
  description: "Role and ClusterRole rules grant no wildcard verbs, resources, API groups or non-resource URLs.",
  kinds: new Set(["Role", "ClusterRole"]),
  check(object) {
    if ((object.kind !== "Role" && object.kind !== "ClusterRole") || !object.apiVersion.startsWith("rbac.authorization.k8s.io/")) return [];
    const problems: RuleProblem[] = [];
    asArray(object.raw.rules).forEach((item, i) => {
      const rule = asObject(item) ?? {};
      for (const field of Object.keys(WHAT)) {
        asArray(rule[field]).forEach((value, j) => {
          if (value === "*") problems.push({ path: ["rules", i, field, j], message: invalid(value, `grants ${WHAT[field]}; list exactly what is needed`) });
        });
      }
    });
    return problems;
  },
};
