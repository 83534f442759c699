import type { Rule } from "../../../rule.ts";
import { clusterRoleAggregation } from "./cluster-role-aggregation.rule.ts";
import { rbacPolicyRules } from "./rbac-policy-rules.rule.ts";
import { roleBindingRoleRef } from "./role-binding-role-ref.rule.ts";
import { roleBindingSubjects } from "./role-binding-subjects.rule.ts";

/** The rules of `rules/apiserver/rbac/`, in the order they run. */
export const APISERVER_RBAC_RULES: readonly Rule[] = [rbacPolicyRules, clusterRoleAggregation, roleBindingRoleRef, roleBindingSubjects];
