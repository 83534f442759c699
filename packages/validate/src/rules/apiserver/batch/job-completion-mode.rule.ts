import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isDns1123Label, required } from "../../../support/apiserver-validation.ts";
import { jobSpecOf } from "../../../support/job-spec.ts";
import { asNumber, asString, at, isSet } from "../../../support/values.ts";


/** The most pods an Indexed Job may run at once (its status lists completed indexes). */
const MAX_INDEXED_PARALLELISM = 100_000;
const MAX_FAILED_INDEXES = 100_000;
const COMPLETIONS_SOFT_LIMIT = 100_000;
const HIGH_COMPLETIONS_LIMIT = 10_000;

/**
 * An Indexed Job (`completionMode: Indexed`; the mode's values are the schema layer's) sets `completions`, runs at
 * most 100000 pods in parallel, and its name followed by `-<completions - 1>` is a DNS label (pod hostnames end with
 * the index). In a CronJob's job template (where the apiserver keeps the 1.28 alpha per-index fields), per-index
 * backoff also needs Indexed mode and stays within its limits.
 */
export const jobCompletionMode: ObjectRule = {
  id: "job-completion-mode",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "An Indexed Job sets completions, within the apiserver's limits and so that its last pod's hostname is a DNS label.",
  upstreamMessage: "spec.completions: Required value: when completion mode is Indexed",
  kinds: new Set(["Job", "CronJob"]),
  check(object) {
    const job = jobSpecOf(object);
    if (job === undefined) return [];
    const { spec, path } = job;
    const problems: RuleProblem[] = [];
    const mode = spec.completionMode;
    const completions = asNumber(spec.completions);
    const parallelism = asNumber(spec.parallelism);
    // The per-index fields only reach validation in a CronJob's template (a Job's are dropped at 1.28).
    const perIndex = job.cronJob ? asNumber(spec.backoffLimitPerIndex) : undefined;
    const maxFailed = job.cronJob ? asNumber(spec.maxFailedIndexes) : undefined;
    if (maxFailed !== undefined && perIndex === undefined) problems.push({ path: [...path, "backoffLimitPerIndex"], message: required("when maxFailedIndexes is specified") });
    if (mode === "Indexed") {
      if (!isSet(spec.completions)) problems.push({ path: [...path, "completions"], message: required("when completion mode is Indexed") });
      if (parallelism !== undefined && parallelism > MAX_INDEXED_PARALLELISM) {
        problems.push({ path: [...path, "parallelism"], message: invalid(parallelism, `must be less than or equal to ${MAX_INDEXED_PARALLELISM} when completion mode is Indexed`) });
      }
      if (completions !== undefined && maxFailed !== undefined && maxFailed > completions) {
        problems.push({ path: [...path, "maxFailedIndexes"], message: invalid(maxFailed, "must be less than or equal to completions") });
      }
      if (maxFailed !== undefined && maxFailed > MAX_FAILED_INDEXES) {
        problems.push({ path: [...path, "maxFailedIndexes"], message: invalid(maxFailed, `must be less than or equal to ${MAX_FAILED_INDEXES}`) });
      }
      if (completions !== undefined && completions > COMPLETIONS_SOFT_LIMIT && perIndex !== undefined) {
        const why = `when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
        if (maxFailed === undefined) problems.push({ path: [...path, "maxFailedIndexes"], message: required(`must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`) });
        if (parallelism !== undefined && parallelism > HIGH_COMPLETIONS_LIMIT) {
          problems.push({ path: [...path, "parallelism"], message: invalid(parallelism, `must be less than or equal to ${HIGH_COMPLETIONS_LIMIT} ${why}`) });
        }
        if (maxFailed !== undefined && maxFailed > HIGH_COMPLETIONS_LIMIT) {
          problems.push({ path: [...path, "maxFailedIndexes"], message: invalid(maxFailed, `must be less than or equal to ${HIGH_COMPLETIONS_LIMIT} ${why}`) });
        }
      }
    } else if (!isSet(mode) || mode === "NonIndexed") {
      if (perIndex !== undefined) problems.push({ path: [...path, "backoffLimitPerIndex"], message: invalid(perIndex, "requires indexed completion mode") });
      if (maxFailed !== undefined) problems.push({ path: [...path, "maxFailedIndexes"], message: invalid(maxFailed, "requires indexed completion mode") });
    }
    // ValidateJob (not the CronJob's template): the last index's pod hostname is a DNS label.
    const name = asString(at(object.object, "metadata", "name"));
    if (!job.cronJob && mode === "Indexed" && completions !== undefined && completions > 0 && name !== undefined && name !== "") {
      const hostname = `${name}-${completions - 1}`;
      if (isDns1123Label(hostname).length > 0) {
        problems.push({ path: ["metadata", "name"], message: invalid(name, `will not able to create pod with invalid DNS label: ${hostname}`) });
      }
    }
    return problems;
  },
};
