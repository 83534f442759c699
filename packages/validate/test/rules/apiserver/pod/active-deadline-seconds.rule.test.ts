import { activeDeadlineSeconds } from "../../../../src/rules/apiserver/pod/active-deadline-seconds.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, cronJob, withSpec } from "./pod-fixtures.ts";

ruleTable(activeDeadlineSeconds, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "a one-hour deadline", manifests: [cronJob((s) => { s.activeDeadlineSeconds = 3600; })] },
    { name: "no deadline and a negative grace period (the apiserver accepts it)", manifests: [withSpec((s) => { s.terminationGracePeriodSeconds = -1; })] },
    { name: "the largest deadline", manifests: [cronJob((s) => { s.activeDeadlineSeconds = 2147483647; })] },
  ],
  invalid: [
    { name: "a zero deadline", manifests: [withSpec((s) => { s.activeDeadlineSeconds = 0; })], errors: [`${SPEC}.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive`] },
    { name: "a CronJob deadline over 2^31-1", manifests: [cronJob((s) => { s.activeDeadlineSeconds = 2147483648; })], errors: ["spec.jobTemplate.spec.template.spec.activeDeadlineSeconds: Invalid value: 2147483648: must be between 1 and 2147483647, inclusive"] },
  ],
});
