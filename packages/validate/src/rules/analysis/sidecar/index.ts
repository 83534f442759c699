import type { Rule } from "../../../rule.ts";
import { sidecarIneffective } from "./sidecar-ineffective.rule.ts";
import { sidecarMultipleNamespaceWide } from "./sidecar-multiple-namespace-wide.rule.ts";
import { sidecarSelectorConflict } from "./sidecar-selector-conflict.rule.ts";
import { sidecarSelectorNoWorkload } from "./sidecar-selector-no-workload.rule.ts";

/** The rules of `rules/analysis/sidecar/`, in the order they run. */
export const ANALYSIS_SIDECAR_RULES: readonly Rule[] = [sidecarSelectorNoWorkload, sidecarSelectorConflict, sidecarMultipleNamespaceWide, sidecarIneffective];
