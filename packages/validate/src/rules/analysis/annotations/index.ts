import type { Rule } from "../../../rule.ts";

/** The rules of `rules/analysis/annotations/`, in the order they run. */
export const ANALYSIS_ANNOTATIONS_RULES: readonly Rule[] = [];
