import type { Rule } from "../../../rule.ts";
import { batchNonNegative } from "./batch-non-negative.rule.ts";
import { cronjobSchedule } from "./cronjob-schedule.rule.ts";
import { cronjobTimeZone } from "./cronjob-time-zone.rule.ts";
import { jobCompletionMode } from "./job-completion-mode.rule.ts";
import { jobPodFailurePolicy } from "./job-pod-failure-policy.rule.ts";
import { jobRestartPolicy } from "./job-restart-policy.rule.ts";
import { jobSelector } from "./job-selector.rule.ts";

/** The rules of `rules/apiserver/batch/`, in the order they run. */
export const APISERVER_BATCH_RULES: readonly Rule[] = [
  jobSelector,
  batchNonNegative,
  jobCompletionMode,
  jobPodFailurePolicy,
  jobRestartPolicy,
  cronjobSchedule,
  cronjobTimeZone,
];
