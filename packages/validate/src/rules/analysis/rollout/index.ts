import type { Rule } from "../../../rule.ts";
import { rolloutAnalysisTemplate } from "./rollout-analysis-template.rule.ts";
import { rolloutSelector } from "./rollout-selector.rule.ts";
import { rolloutTrafficRouting } from "./rollout-traffic-routing.rule.ts";

/** The rules of `rules/analysis/rollout/` (Argo Rollouts), in the order they run. */
export const ANALYSIS_ROLLOUT_RULES: readonly Rule[] = [rolloutSelector, rolloutTrafficRouting, rolloutAnalysisTemplate];
