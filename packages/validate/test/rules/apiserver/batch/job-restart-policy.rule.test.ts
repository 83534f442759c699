import { jobRestartPolicy } from "../../../../src/rules/apiserver/batch/job-restart-policy.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { cronJob, job } from "./batch-fixtures.ts";

const failurePolicy = { rules: [{ action: "FailJob", onExitCodes: { operator: "In", values: [42] } }] };

ruleTable(jobRestartPolicy, {
  valid: [
    { name: "Never and OnFailure", manifests: [job(), cronJob()] },
    { name: "Never with a podFailurePolicy", manifests: [job((j) => { j.spec.podFailurePolicy = failurePolicy; })] },
  ],
  invalid: [
    { name: "unset (defaults to Always)", manifests: [job((j) => { delete j.spec.template.spec.restartPolicy; })], errors: ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'] },
    { name: "Always in a CronJob's template", manifests: [cronJob((c) => { c.spec.jobTemplate.spec.template.spec.restartPolicy = "Always"; })], errors: ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'] },
    {
      name: "OnFailure with a podFailurePolicy",
      manifests: [job((j) => { j.spec.template.spec.restartPolicy = "OnFailure"; j.spec.podFailurePolicy = failurePolicy; })],
      errors: ['spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified'],
    },
  ],
});
