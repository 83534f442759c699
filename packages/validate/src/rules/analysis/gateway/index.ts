import type { Rule } from "../../../rule.ts";

/** The rules of `rules/analysis/gateway/`, in the order they run. */
export const ANALYSIS_GATEWAY_RULES: readonly Rule[] = [];
