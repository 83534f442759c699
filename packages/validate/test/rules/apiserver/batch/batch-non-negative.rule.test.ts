import { batchNonNegative } from "../../../../src/rules/apiserver/batch/batch-non-negative.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { cronJob, job } from "./batch-fixtures.ts";

const NEGATIVE = "must be greater than or equal to 0";

ruleTable(batchNonNegative, {
  valid: [
    { name: "the defaults", manifests: [job(), cronJob()] },
    {
      name: "zero everywhere, activeDeadlineSeconds included",
      manifests: [job((j) => { Object.assign(j.spec, { parallelism: 0, completions: 0, activeDeadlineSeconds: 0, backoffLimit: 0, ttlSecondsAfterFinished: 0 }); })],
    },
    { name: "a Job's backoffLimitPerIndex (alpha at 1.28: the apiserver drops it)", manifests: [job((j) => { j.spec.backoffLimitPerIndex = -1; })] },
    { name: "CronJob history limits of 0", manifests: [cronJob((c) => { c.spec.successfulJobsHistoryLimit = 0; c.spec.failedJobsHistoryLimit = 0; c.spec.startingDeadlineSeconds = 0; })] },
  ],
  invalid: [
    {
      name: "a Job's negative counts",
      manifests: [job((j) => { Object.assign(j.spec, { parallelism: -1, completions: -2, activeDeadlineSeconds: -3, backoffLimit: -4, ttlSecondsAfterFinished: -5 }); })],
      errors: [
        `spec.backoffLimit: Invalid value: -4: ${NEGATIVE}`,
        `spec.parallelism: Invalid value: -1: ${NEGATIVE}`,
        `spec.completions: Invalid value: -2: ${NEGATIVE}`,
        `spec.activeDeadlineSeconds: Invalid value: -3: ${NEGATIVE}`,
        `spec.ttlSecondsAfterFinished: Invalid value: -5: ${NEGATIVE}`,
      ],
    },
    {
      name: "a CronJob's deadline, history limits and job template",
      manifests: [cronJob((c) => { c.spec.startingDeadlineSeconds = -10; c.spec.successfulJobsHistoryLimit = -1; c.spec.failedJobsHistoryLimit = -1; c.spec.jobTemplate.spec.backoffLimit = -1; c.spec.jobTemplate.spec.backoffLimitPerIndex = -1; })],
      errors: [
        `spec.jobTemplate.spec.backoffLimit: Invalid value: -1: ${NEGATIVE}`,
        `spec.jobTemplate.spec.backoffLimitPerIndex: Invalid value: -1: ${NEGATIVE}`,
        `spec.startingDeadlineSeconds: Invalid value: -10: ${NEGATIVE}`,
        `spec.successfulJobsHistoryLimit: Invalid value: -1: ${NEGATIVE}`,
        `spec.failedJobsHistoryLimit: Invalid value: -1: ${NEGATIVE}`,
      ],
    },
  ],
});
