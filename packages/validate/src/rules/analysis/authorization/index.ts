import type { Rule } from "../../../rule.ts";
import { authorizationPolicyNamespaceNotFound } from "./authorization-policy-namespace-not-found.rule.ts";
import { authorizationPolicyPrincipalNotFound } from "./authorization-policy-principal-not-found.rule.ts";

/** The rules of `rules/analysis/authorization/`, in the order they run. */
export const ANALYSIS_AUTHORIZATION_RULES: readonly Rule[] = [authorizationPolicyNamespaceNotFound, authorizationPolicyPrincipalNotFound];
