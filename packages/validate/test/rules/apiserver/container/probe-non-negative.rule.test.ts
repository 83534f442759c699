import { probeNonNegative } from "../../../../src/rules/apiserver/container/probe-non-negative.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { withContainer } from "./helpers.ts";

ruleTable(probeNonNegative, {
  valid: [
    { name: "positive values, and the defaults", manifests: [deployment(), withContainer((c) => { Object.assign(c.livenessProbe, { initialDelaySeconds: 10, timeoutSeconds: 2, periodSeconds: 5, failureThreshold: 6 }); })] },
    { name: "zeros (a zero delay is valid; other zeros are defaulted)", manifests: [withContainer((c) => { Object.assign(c.readinessProbe, { initialDelaySeconds: 0, timeoutSeconds: 0, periodSeconds: 0, successThreshold: 0, failureThreshold: 0 }); })] },
  ],
  invalid: [
    { name: "a negative period", manifests: [withContainer((c) => { c.livenessProbe.periodSeconds = -5; })], errors: ["spec.template.spec.containers[0].livenessProbe.periodSeconds: Invalid value: -5: must be greater than or equal to 0"] },
    {
      name: "negative delay, timeout and thresholds",
      manifests: [withContainer((c) => { Object.assign(c.readinessProbe, { initialDelaySeconds: -1, timeoutSeconds: -2, successThreshold: -3, failureThreshold: -4 }); })],
      errors: [
        "spec.template.spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0",
        "spec.template.spec.containers[0].readinessProbe.timeoutSeconds: Invalid value: -2: must be greater than or equal to 0",
        "spec.template.spec.containers[0].readinessProbe.successThreshold: Invalid value: -3: must be greater than or equal to 0",
        "spec.template.spec.containers[0].readinessProbe.failureThreshold: Invalid value: -4: must be greater than or equal to 0",
      ],
    },
  ],
});
