import type { Rule } from "../../../rule.ts";
import { authorizationPolicyAction } from "./authorization-policy-action.rule.ts";
import { authorizationPolicyConditions } from "./authorization-policy-conditions.rule.ts";
import { authorizationPolicyRules } from "./authorization-policy-rules.rule.ts";
import { authorizationPolicyTarget } from "./authorization-policy-target.rule.ts";

/** The rules of `rules/webhook/authorization-policy/`, in the order they run. */
export const WEBHOOK_AUTHORIZATION_POLICY_RULES: readonly Rule[] = [authorizationPolicyTarget, authorizationPolicyAction, authorizationPolicyRules, authorizationPolicyConditions];
