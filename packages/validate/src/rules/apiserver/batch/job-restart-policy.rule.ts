import type { ObjectRule } from "../../../rule.ts";
import { invalid, notSupported, required } from "../../../support/apiserver-validation.ts";
import { jobSpecOf } from "../../../support/job-spec.ts";
import { at, isSet } from "../../../support/values.ts";


/**
 * A Job's pods run to completion: the template's `restartPolicy` is `OnFailure` or `Never` (unset, it defaults to
 * `Always`, which is reported as missing), and `Never` when the Job has a `podFailurePolicy`. Jobs and CronJobs' job
 * templates alike.
 */
export const jobRestartPolicy: ObjectRule = {
  id: "job-restart-policy",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Job pod templates have restartPolicy OnFailure or Never, and Never with a podFailurePolicy.",
  upstreamMessage: "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"",
  kinds: new Set(["Job", "CronJob"]),
  check(object) {
    const job = jobSpecOf(object);
    if (job === undefined) return [];
    const path = [...job.path, "template", "spec", "restartPolicy"];
    const policy = at(job.spec, "template", "spec", "restartPolicy");
    if (policy === undefined || policy === null || policy === "" || policy === "Always") return [{ path, message: required('valid values: "OnFailure", "Never"') }];
    if (policy !== "OnFailure" && policy !== "Never") return [{ path, message: notSupported(policy, ["OnFailure", "Never"]) }];
    if (isSet(job.spec.podFailurePolicy) && policy !== "Never") return [{ path, message: invalid(policy, 'only "Never" is supported when podFailurePolicy is specified') }];
    return [];
  },
};
