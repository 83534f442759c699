import type { Rule } from "../../../rule.ts";
import { telemetryMultipleNamespaceWide } from "./telemetry-multiple-namespace-wide.rule.ts";
import { telemetrySelectorConflict } from "./telemetry-selector-conflict.rule.ts";
import { telemetrySelectorNoWorkload } from "./telemetry-selector-no-workload.rule.ts";

/** The rules of `rules/analysis/telemetry/`, in the order they run. */
export const ANALYSIS_TELEMETRY_RULES: readonly Rule[] = [telemetrySelectorNoWorkload, telemetrySelectorConflict, telemetryMultipleNamespaceWide];
