import type { Rule } from "../../../rule.ts";
import { servicePortProtocol } from "./service-port-protocol.rule.ts";

/** The rules of `rules/analysis/workload/`, in the order they run. */
export const ANALYSIS_WORKLOAD_RULES: readonly Rule[] = [servicePortProtocol];
