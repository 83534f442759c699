import { jobSelector } from "../../../../src/rules/apiserver/batch/job-selector.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { cronJob, job } from "./batch-fixtures.ts";

const LABEL_VALUE_TOO_LONG = "must be no more than 63 characters";

ruleTable(jobSelector, {
  valid: [
    { name: "a generated selector", manifests: [job(), cronJob()] },
    { name: "a manual selector matching the template", manifests: [job((j) => { j.spec.manualSelector = true; j.spec.selector = { matchLabels: { app: "migrate" } }; })] },
    { name: "a manual empty selector (selects every pod: the apiserver allows it)", manifests: [job((j) => { j.spec.manualSelector = true; j.spec.selector = {}; })] },
    { name: "a selector on the job-name the apiserver generates", manifests: [job((j) => { j.spec.selector = { matchLabels: { "batch.kubernetes.io/job-name": "migrate" } }; })] },
    { name: "a template labelled with its own Job's name", manifests: [job((j) => { j.spec.template.metadata.labels["job-name"] = "migrate"; })] },
    { name: "manualSelector false in a CronJob's template", manifests: [cronJob((c) => { c.spec.jobTemplate.spec.manualSelector = false; })] },
  ],
  invalid: [
    {
      name: "a selector without manualSelector (e.g. copied from kubectl get -o yaml)",
      manifests: [job((j) => { j.spec.selector = { matchLabels: { app: "migrate" } }; })],
      errors: ['spec.selector: Invalid value: {"matchLabels":{"app":"migrate"}}: `selector` not auto-generated'],
    },
    {
      name: "another Job's labels in the template",
      manifests: [job((j) => { j.spec.template.metadata.labels["job-name"] = "old"; })],
      errors: ['spec.template.metadata.labels[job-name]: Invalid value: {"app":"migrate","job-name":"old"}: must be \'migrate\''],
    },
    {
      name: "a name too long for the job-name label",
      manifests: [job((j) => { j.metadata.name = `migrate-${"x".repeat(60)}`; })],
      errors: [`spec.template.labels: Invalid value: "migrate-${"x".repeat(60)}": ${LABEL_VALUE_TOO_LONG}`, `spec.template.labels: Invalid value: "migrate-${"x".repeat(60)}": ${LABEL_VALUE_TOO_LONG}`],
    },
    {
      name: "manualSelector without a selector",
      manifests: [job((j) => { j.spec.manualSelector = true; })],
      errors: ["spec.selector: Required value", 'spec.template.metadata.labels: Invalid value: {"app":"migrate"}: `selector` does not match template `labels`'],
    },
    {
      name: "a manual selector the template does not match",
      manifests: [job((j) => { j.spec.manualSelector = true; j.spec.selector = { matchLabels: { app: "other" } }; })],
      errors: ['spec.template.metadata.labels: Invalid value: {"app":"migrate"}: `selector` does not match template `labels`'],
    },
    {
      name: "a CronJob's template with a selector and manualSelector",
      manifests: [cronJob((c) => { c.spec.jobTemplate.spec.selector = { matchLabels: { app: "report" } }; c.spec.jobTemplate.spec.manualSelector = true; })],
      errors: [
        'spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"app":"report"}}: `selector` will be auto-generated',
        'spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"',
      ],
    },
  ],
});
