import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { duplicate, invalid, isQualifiedName, notSupported } from "../../../support/apiserver-validation.ts";
import { jobSpecOf } from "../../../support/job-spec.ts";
import { asArray, asObject, asString, at, isSet, type PlainObject } from "../../../support/values.ts";


const MAX_RULES = 20;
const MAX_EXIT_CODES = 255;
const MAX_CONDITION_PATTERNS = 20;
const STATUSES = ["False", "True", "Unknown"];

const tooMany = (count: number, max: number) => `Too many: ${count}: must have at most ${max} items`;
/** field.Invalid with the value omitted. */
const invalidOmitted = (detail: string) => `Invalid value: ${detail}`;

function checkExitCodes(onExitCodes: PlainObject, path: FieldPath, containerNames: ReadonlySet<string>, problems: RuleProblem[]): void {
  const operator = onExitCodes.operator;
  const containerName = onExitCodes.containerName;
  if (typeof containerName === "string" && !containerNames.has(containerName)) {
    problems.push({ path: [...path, "containerName"], message: invalid(containerName, "must be one of the container or initContainer names in the pod template") });
  }
  const values = asArray(onExitCodes.values).filter((v): v is number => typeof v === "number");
  const valuesPath = [...path, "values"];
  if (values.length === 0) problems.push({ path: valuesPath, message: invalid(values, "at least one value is required") });
  else if (values.length > MAX_EXIT_CODES) problems.push({ path: valuesPath, message: tooMany(values.length, MAX_EXIT_CODES) });
  const seen = new Set<number>();
  let ordered = true;
  values.forEach((value, index) => {
    if (operator === "In" && value === 0) problems.push({ path: [...valuesPath, index], message: invalid(value, "must not be 0 for the In operator") });
    if (seen.has(value)) problems.push({ path: [...valuesPath, index], message: duplicate(value) });
    else seen.add(value);
    if (index > 0 && values[index - 1]! > value) ordered = false;
  });
  if (!ordered) problems.push({ path: valuesPath, message: invalid(values, "must be ordered") });
}

function checkPodConditions(patterns: readonly unknown[], path: FieldPath, problems: RuleProblem[]): void {
  if (patterns.length > MAX_CONDITION_PATTERNS) problems.push({ path, message: tooMany(patterns.length, MAX_CONDITION_PATTERNS) });
  patterns.forEach((item, index) => {
    const pattern = asObject(item) ?? {};
    const type = asString(pattern.type) ?? "";
    for (const message of isQualifiedName(type)) problems.push({ path: [...path, index, "type"], message: invalid(type, message) });
    const status = pattern.status;
    // An unset or empty status defaults to True (in a Job; a CronJob's is left alone, as its Jobs get the default).
    if (isSet(status) && status !== "" && (typeof status !== "string" || !STATUSES.includes(status))) {
      problems.push({ path: [...path, index, "status"], message: notSupported(status, STATUSES) });
    }
  });
}

/**
 * A Job's `podFailurePolicy` (JobPodFailurePolicy, beta and on at 1.28) has at most 20 rules, each with exactly one
 * of `onExitCodes` (a container of the pod, 1 to 255 distinct exit codes in ascending order, no 0 with `In`) and
 * `onPodConditions` (at most 20 patterns, a qualified condition type, status True, the default, False or Unknown).
 * A `FailIndex` action needs `backoffLimitPerIndex`; in a Job, FailIndex rules are dropped at 1.28
 * (JobBackoffLimitPerIndex is alpha), so only a CronJob's template is judged for it. The template's restartPolicy
 * must be Never (`job-restart-policy`); actions and operators are enums (the schema layer's).
 */
export const jobPodFailurePolicy: ObjectRule = {
  id: "job-pod-failure-policy",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A Job's podFailurePolicy has at most 20 rules, each with exactly one valid onExitCodes or onPodConditions requirement.",
  upstreamMessage: "spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator",
  check(object) {
    const job = jobSpecOf(object);
    const policy = asObject(job?.spec.podFailurePolicy);
    if (job === undefined || policy === undefined) return [];
    const problems: RuleProblem[] = [];
    const rulesPath = [...job.path, "podFailurePolicy", "rules"];
    const rules = asArray(policy.rules)
      .map((rule, index) => ({ rule: asObject(rule) ?? {}, index }))
      .filter(({ rule }) => job.cronJob || rule.action !== "FailIndex");
    if (rules.length > MAX_RULES) problems.push({ path: rulesPath, message: tooMany(rules.length, MAX_RULES) });
    const containerNames = new Set<string>();
    for (const list of ["containers", "initContainers"]) {
      for (const container of asArray(at(job.spec, "template", "spec", list))) {
        const name = asString(asObject(container)?.name);
        if (name !== undefined) containerNames.add(name);
      }
    }
    for (const { rule, index } of rules) {
      const rulePath = [...rulesPath, index];
      if (rule.action === "FailIndex" && !isSet(job.spec.backoffLimitPerIndex)) {
        problems.push({ path: [...rulePath, "action"], message: invalid(rule.action, "requires the backoffLimitPerIndex to be set") });
      }
      const onExitCodes = asObject(rule.onExitCodes);
      const onPodConditions = asArray(rule.onPodConditions);
      if (onExitCodes !== undefined) checkExitCodes(onExitCodes, [...rulePath, "onExitCodes"], containerNames, problems);
      if (onPodConditions.length > 0) checkPodConditions(onPodConditions, [...rulePath, "onPodConditions"], problems);
      if (onExitCodes !== undefined && onPodConditions.length > 0) {
        problems.push({ path: rulePath, message: invalidOmitted("specifying both OnExitCodes and OnPodConditions is not supported") });
      }
      if (onExitCodes === undefined && onPodConditions.length === 0) {
        problems.push({ path: rulePath, message: invalidOmitted("specifying one of OnExitCodes and OnPodConditions is required") });
      }
    }
    return problems;
  },
};
