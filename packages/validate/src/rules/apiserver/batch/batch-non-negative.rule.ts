import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { asObject } from "../../../support/values.ts";
import { jobSpecOf } from "../../../support/job-spec.ts";
import { nonNegative } from "../../../support/workload-spec.ts";

const JOB_FIELDS = ["parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished"];
/** Behind JobBackoffLimitPerIndex (alpha at 1.28): dropped from Jobs, still validated in a CronJob's template. */
const PER_INDEX_FIELDS = ["backoffLimitPerIndex", "maxFailedIndexes"];

/**
 * A Job's `parallelism`, `completions`, `activeDeadlineSeconds`, `backoffLimit` and `ttlSecondsAfterFinished` (in a
 * Job or a CronJob's job template) and a CronJob's `startingDeadlineSeconds`, `successfulJobsHistoryLimit` and
 * `failedJobsHistoryLimit` are not negative (ValidateNonnegativeField). Zero is accepted for each, even
 * `activeDeadlineSeconds` (a deadline that has passed at once).
 */
export const batchNonNegative: ObjectRule = {
  id: "batch-non-negative",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Job and CronJob counts, deadlines, TTLs and history limits are not negative.",
  upstreamMessage: "spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0",
  kinds: new Set(["Job", "CronJob"]),
  check(object) {
    const job = jobSpecOf(object);
    if (job === undefined) return [];
    const problems: RuleProblem[] = [];
    const cronSpec = job.cronJob ? asObject(object.object.spec) : undefined;
    if (cronSpec !== undefined) problems.push(...nonNegative(cronSpec.startingDeadlineSeconds, ["spec", "startingDeadlineSeconds"]));
    for (const field of job.cronJob ? [...JOB_FIELDS, ...PER_INDEX_FIELDS] : JOB_FIELDS) problems.push(...nonNegative(job.spec[field], [...job.path, field]));
    if (cronSpec !== undefined) {
      for (const field of ["successfulJobsHistoryLimit", "failedJobsHistoryLimit"]) problems.push(...nonNegative(cronSpec[field], ["spec", field]));
    }
    return problems;
  },
};
