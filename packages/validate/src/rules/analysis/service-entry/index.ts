import type { Rule } from "../../../rule.ts";

/** The rules of `rules/analysis/service-entry/`, in the order they run. */
export const ANALYSIS_SERVICE_ENTRY_RULES: readonly Rule[] = [];
