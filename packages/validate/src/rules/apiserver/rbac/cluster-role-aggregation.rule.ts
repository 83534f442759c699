import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { validateLabelSelector } from "../../../support/label-validation.ts";
import { asArray, asObject } from "../../../support/values.ts";

/**
 * A ClusterRole's `aggregationRule` has at least one cluster role selector, and each converts to a label selector
 * (the selector's own problems are reported by `label-selector`; the apiserver adds this one, quoting `"null"`).
 */
export const clusterRoleAggregation: ObjectRule = {
  id: "cluster-role-aggregation",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A ClusterRole's aggregationRule has at least one clusterRoleSelector, each a valid label selector.",
  upstreamMessage: "aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil",
  kinds: new Set(["ClusterRole"]),
  check(object) {
    if (object.kind !== "ClusterRole" || apiGroup(object.apiVersion) !== "rbac.authorization.k8s.io") return [];
    const aggregation = asObject(object.object.aggregationRule);
    if (aggregation === undefined) return [];
    const selectors = asArray(aggregation.clusterRoleSelectors);
    const problems: RuleProblem[] = [];
    if (selectors.length === 0) {
      problems.push({ path: ["aggregationRule", "clusterRoleSelectors"], message: required("at least one clusterRoleSelector required if aggregationRule is non-nil") });
    }
    selectors.forEach((selector, index) => {
      const path = ["aggregationRule", "clusterRoleSelectors", index];
      if (validateLabelSelector(selector, path).length > 0) problems.push({ path, message: invalid("null", "invalid label selector.") });
    });
    return problems;
  },
};
