import { rollingUpdateIntOrPercent } from "../../../../src/rules/apiserver/workload/rolling-update-int-or-percent.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { daemonSet as daemonSetOf } from "./workload-fixtures.ts";

const PERCENT = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
const strategy = (rollingUpdate: object) => deployment((d) => { d.spec.strategy = { type: "RollingUpdate", rollingUpdate }; });
const daemonSet = (rollingUpdate: object) => daemonSetOf((d) => { d.spec.updateStrategy = { type: "RollingUpdate", rollingUpdate }; });

ruleTable(rollingUpdateIntOrPercent, {
  valid: [
    { name: "percentages and integers", manifests: [strategy({ maxSurge: "25%", maxUnavailable: 1 }), daemonSet({ maxSurge: 0, maxUnavailable: "100%" })] },
    { name: "the defaults", manifests: [deployment(), daemonSetOf()] },
    { name: "a Deployment may surge beyond 100%", manifests: [strategy({ maxSurge: "200%" })] },
    { name: "a Recreate Deployment's rollingUpdate is not judged here (see workload-update-strategy)", manifests: [deployment((d) => { d.spec.strategy = { type: "Recreate", rollingUpdate: { maxSurge: "abc" } }; })] },
  ],
  invalid: [
    { name: '"25" without %', manifests: [strategy({ maxSurge: "25" })], errors: [`spec.strategy.rollingUpdate.maxSurge: Invalid value: "25": ${PERCENT}`] },
    { name: '"abc"', manifests: [strategy({ maxUnavailable: "abc" })], errors: [`spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "abc": ${PERCENT}`] },
    { name: "a negative integer", manifests: [strategy({ maxUnavailable: -1 })], errors: ["spec.strategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0"] },
    { name: "maxUnavailable above 100%", manifests: [strategy({ maxUnavailable: "120%" })], errors: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "120%": must not be greater than 100%'] },
    {
      name: "a DaemonSet's maxSurge above 100% and a malformed maxUnavailable",
      manifests: [daemonSet({ maxSurge: "150%", maxUnavailable: "5 %" })],
      errors: ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: "150%": must not be greater than 100%', `spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "5 %": ${PERCENT}`],
    },
  ],
});
