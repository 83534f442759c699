import type { Rule } from "../../../rule.ts";
import { destinationRuleSubsetNoPods } from "./destination-rule-subset-no-pods.rule.ts";

/** The rules of `rules/analysis/destination-rule/`, in the order they run. */
export const ANALYSIS_DESTINATION_RULE_RULES: readonly Rule[] = [destinationRuleSubsetNoPods];
