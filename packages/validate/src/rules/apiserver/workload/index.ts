import type { Rule } from "../../../rule.ts";
import { rollingUpdateNotZero } from "./rolling-update-not-zero.rule.ts";
import { workloadSelector } from "./workload-selector.rule.ts";

/** The rules of `rules/apiserver/workload/`, in the order they run. */
export const APISERVER_WORKLOAD_RULES: readonly Rule[] = [workloadSelector, rollingUpdateNotZero];
