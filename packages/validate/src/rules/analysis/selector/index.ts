import type { Rule } from "../../../rule.ts";
import { authorizationPolicySelectsNoWorkloads } from "./authorization-policy-selects-no-workloads.rule.ts";
import { policySelectorOnGateway } from "./policy-selector-on-gateway.rule.ts";

/** The rules of `rules/analysis/selector/`, in the order they run. */
export const ANALYSIS_SELECTOR_RULES: readonly Rule[] = [authorizationPolicySelectsNoWorkloads, policySelectorOnGateway];
