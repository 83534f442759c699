import { jobCompletionMode } from "../../../../src/rules/apiserver/batch/job-completion-mode.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { cronJob, job } from "./batch-fixtures.ts";

const indexed = (spec: object) => job((j) => { Object.assign(j.spec, { completionMode: "Indexed", ...spec }); });

ruleTable(jobCompletionMode, {
  valid: [
    { name: "NonIndexed (the default)", manifests: [job(), cronJob()] },
    { name: "Indexed with completions and parallelism", manifests: [indexed({ completions: 10, parallelism: 3 })] },
    { name: "parallelism at the limit", manifests: [indexed({ completions: 100000, parallelism: 100000 })] },
    { name: "a Job's per-index backoff (alpha at 1.28: dropped)", manifests: [job((j) => { j.spec.backoffLimitPerIndex = 1; j.spec.maxFailedIndexes = 2; })] },
    { name: "a 60-character name with 9 completions", manifests: [indexed({ completions: 9 }), job((j) => { j.metadata.name = "a".repeat(61); j.spec.completionMode = "Indexed"; j.spec.completions = 1; })] },
  ],
  invalid: [
    { name: "Indexed without completions", manifests: [indexed({ parallelism: 2 })], errors: ["spec.completions: Required value: when completion mode is Indexed"] },
    { name: "Indexed with too much parallelism", manifests: [indexed({ completions: 200000, parallelism: 100001 })], errors: ["spec.parallelism: Invalid value: 100001: must be less than or equal to 100000 when completion mode is Indexed"] },
    {
      name: "a name whose last index makes the hostname longer than 63 characters",
      manifests: [job((j) => { j.metadata.name = "a".repeat(61); j.spec.completionMode = "Indexed"; j.spec.completions = 100; })],
      errors: [`metadata.name: Invalid value: "${"a".repeat(61)}": will not able to create pod with invalid DNS label: ${"a".repeat(61)}-99`],
    },
    {
      name: "a CronJob template's per-index backoff without Indexed mode, and maxFailedIndexes alone",
      manifests: [cronJob((c) => { c.spec.jobTemplate.spec.maxFailedIndexes = 1; }), cronJob((c) => { c.metadata.name = "report2"; c.spec.jobTemplate.spec.backoffLimitPerIndex = 1; })],
      errors: [
        "spec.jobTemplate.spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified",
        "spec.jobTemplate.spec.maxFailedIndexes: Invalid value: 1: requires indexed completion mode",
        "spec.jobTemplate.spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode",
      ],
    },
    {
      name: "a CronJob template's maxFailedIndexes above completions",
      manifests: [cronJob((c) => { Object.assign(c.spec.jobTemplate.spec, { completionMode: "Indexed", completions: 3, backoffLimitPerIndex: 1, maxFailedIndexes: 4 }); })],
      errors: ["spec.jobTemplate.spec.maxFailedIndexes: Invalid value: 4: must be less than or equal to completions"],
    },
  ],
});
