import { hpaBehavior } from "../../../../src/rules/apiserver/autoscaling/hpa-behavior.rule.ts";
import { hpa } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const scaleDown = (rules: object) => hpa((h) => { h.spec.behavior = { scaleDown: rules }; });
const policy = (value: object) => scaleDown({ policies: [{ type: "Pods", value: 1, periodSeconds: 60, ...value }] });

ruleTable(hpaBehavior, {
  valid: [
    { name: "no behavior (the defaults)", manifests: [hpa()] },
    {
      name: "both directions with policies",
      manifests: [
        hpa((h) => {
          h.spec.behavior = {
            scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: "Max", policies: [{ type: "Percent", value: 100, periodSeconds: 15 }, { type: "Pods", value: 4, periodSeconds: 15 }] },
            scaleDown: { stabilizationWindowSeconds: 3600, selectPolicy: "Min", policies: [{ type: "Percent", value: 10, periodSeconds: 1800 }] },
          };
        }),
      ],
    },
    { name: "only a stabilization window (policies defaulted)", manifests: [scaleDown({ stabilizationWindowSeconds: 300 })] },
    { name: "scaling down disabled", manifests: [scaleDown({ selectPolicy: "Disabled" })] },
  ],
  invalid: [
    { name: "a window over an hour", manifests: [scaleDown({ stabilizationWindowSeconds: 7200 })], errors: ["spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: 7200: must be less than or equal to 3600"] },
    { name: "a negative window", manifests: [hpa((h) => { h.spec.behavior = { scaleUp: { stabilizationWindowSeconds: -1 } }; })], errors: ["spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: -1: must be greater than or equal to zero"] },
    { name: "an unknown select policy", manifests: [scaleDown({ selectPolicy: "Average" })], errors: ['spec.behavior.scaleDown.selectPolicy: Unsupported value: "Average": supported values: "Disabled", "Max", "Min"'] },
    { name: "an explicitly empty policy list", manifests: [scaleDown({ policies: [] })], errors: ["spec.behavior.scaleDown.policies: Required value: must specify at least one Policy"] },
    { name: "a policy period over 30 minutes", manifests: [policy({ periodSeconds: 3600 })], errors: ["spec.behavior.scaleDown.policies[0].periodSeconds: Invalid value: 3600: must be less than or equal to 1800"] },
    {
      name: "a zero value and period",
      manifests: [policy({ value: 0, periodSeconds: 0 })],
      errors: ["spec.behavior.scaleDown.policies[0].value: Invalid value: 0: must be greater than zero", "spec.behavior.scaleDown.policies[0].periodSeconds: Invalid value: 0: must be greater than zero"],
    },
    { name: "an unknown policy type", manifests: [policy({ type: "Replicas" })], errors: ['spec.behavior.scaleDown.policies[0].type: Unsupported value: "Replicas": supported values: "Percent", "Pods"'] },
  ],
});
