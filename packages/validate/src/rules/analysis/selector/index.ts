import type { Rule } from "../../../rule.ts";

/** The rules of `rules/analysis/selector/`, in the order they run. */
export const ANALYSIS_SELECTOR_RULES: readonly Rule[] = [];
