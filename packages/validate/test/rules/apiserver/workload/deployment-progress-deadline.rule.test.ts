import { deploymentProgressDeadline } from "../../../../src/rules/apiserver/workload/deployment-progress-deadline.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(deploymentProgressDeadline, {
  valid: [
    { name: "the defaults (600 > 0)", manifests: [deployment()] },
    { name: "a deadline above minReadySeconds", manifests: [deployment((d) => { d.spec.minReadySeconds = 30; d.spec.progressDeadlineSeconds = 31; })] },
  ],
  invalid: [
    { name: "equal to minReadySeconds", manifests: [deployment((d) => { d.spec.minReadySeconds = 30; d.spec.progressDeadlineSeconds = 30; })], errors: ["spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds"] },
    { name: "minReadySeconds at the default deadline", manifests: [deployment((d) => { d.spec.minReadySeconds = 600; })], errors: ["spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds"] },
    { name: "a zero deadline", manifests: [deployment((d) => { d.spec.progressDeadlineSeconds = 0; })], errors: ["spec.progressDeadlineSeconds: Invalid value: 0: must be greater than minReadySeconds"] },
  ],
});
