import type { Rule } from "../../../rule.ts";

/** The rules of `rules/analysis/telemetry/`, in the order they run. */
export const ANALYSIS_TELEMETRY_RULES: readonly Rule[] = [];
