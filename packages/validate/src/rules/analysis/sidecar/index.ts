import type { Rule } from "../../../rule.ts";

/** The rules of `rules/analysis/sidecar/`, in the order they run. */
export const ANALYSIS_SIDECAR_RULES: readonly Rule[] = [];
