import type { Rule } from "../../../rule.ts";
import { pdbSelectsNoPods } from "./pdb-selects-no-pods.rule.ts";
import { scaleTargetNotFound } from "./scale-target-not-found.rule.ts";
import { serviceSelectsNoPods } from "./service-selects-no-pods.rule.ts";

/** The rules of `rules/analysis/kubernetes/`, in the order they run. */
export const ANALYSIS_KUBERNETES_RULES: readonly Rule[] = [serviceSelectsNoPods, scaleTargetNotFound, pdbSelectsNoPods];
