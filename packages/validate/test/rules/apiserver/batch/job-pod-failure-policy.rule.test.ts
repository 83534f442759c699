import { jobPodFailurePolicy } from "../../../../src/rules/apiserver/batch/job-pod-failure-policy.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { cronJob, job } from "./batch-fixtures.ts";

const policy = (...rules: object[]) => job((j) => { j.spec.podFailurePolicy = { rules }; });
const exitCodes = (onExitCodes: object) => policy({ action: "FailJob", onExitCodes });

ruleTable(jobPodFailurePolicy, {
  valid: [
    {
      name: "exit codes and pod conditions",
      manifests: [policy({ action: "FailJob", onExitCodes: { containerName: "web", operator: "In", values: [1, 42] } }, { action: "Ignore", onPodConditions: [{ type: "DisruptionTarget" }] }, { action: "Count", onExitCodes: { operator: "NotIn", values: [0] } })],
    },
    { name: "no rules", manifests: [job((j) => { j.spec.podFailurePolicy = { rules: [] }; })] },
    { name: "a Job's FailIndex rule (alpha at 1.28: dropped)", manifests: [policy({ action: "FailIndex", onExitCodes: { operator: "In", values: [3] } })] },
    { name: "a CronJob's FailIndex rule with backoffLimitPerIndex", manifests: [cronJob((c) => { Object.assign(c.spec.jobTemplate.spec, { backoffLimitPerIndex: 1, podFailurePolicy: { rules: [{ action: "FailIndex", onExitCodes: { operator: "In", values: [3] } }] } }); })] },
  ],
  invalid: [
    {
      name: "0 with In, a duplicate, out of order, an unknown container",
      manifests: [exitCodes({ containerName: "sidecar", operator: "In", values: [3, 0, 3] })],
      errors: [
        'spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "sidecar": must be one of the container or initContainer names in the pod template',
        "spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [3,0,3]: must be ordered",
        "spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Invalid value: 0: must not be 0 for the In operator",
        "spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 3",
      ],
    },
    { name: "no exit codes", manifests: [exitCodes({ operator: "NotIn", values: [] })], errors: ["spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []: at least one value is required"] },
    {
      name: "both requirements, and neither",
      manifests: [policy({ action: "Ignore", onExitCodes: { operator: "In", values: [1] }, onPodConditions: [{ type: "DisruptionTarget" }] }, { action: "Ignore" })],
      errors: [
        "spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported",
        "spec.podFailurePolicy.rules[1]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required",
      ],
    },
    {
      name: "a bad condition type and status",
      manifests: [policy({ action: "Ignore", onPodConditions: [{ type: "Disruption Target", status: "Maybe" }] })],
      errors: [
        "spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: \"Disruption Target\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        'spec.podFailurePolicy.rules[0].onPodConditions[0].status: Unsupported value: "Maybe": supported values: "False", "True", "Unknown"',
      ],
    },
    {
      name: "more than 20 rules",
      manifests: [policy(...Array.from({ length: 21 }, (_, i) => ({ action: "Count", onExitCodes: { operator: "In", values: [i + 1] } })))],
      errors: ["spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items"],
    },
    {
      name: "a CronJob's FailIndex rule without backoffLimitPerIndex",
      manifests: [cronJob((c) => { c.spec.jobTemplate.spec.template.spec.restartPolicy = "Never"; c.spec.jobTemplate.spec.podFailurePolicy = { rules: [{ action: "FailIndex", onExitCodes: { operator: "In", values: [3] } }] }; })],
      errors: ['spec.jobTemplate.spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set'],
    },
  ],
});
