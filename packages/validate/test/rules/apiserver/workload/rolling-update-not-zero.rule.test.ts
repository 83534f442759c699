import { rollingUpdateNotZero } from "../../../../src/rules/apiserver/workload/rolling-update-not-zero.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const strategy = (rollingUpdate: object) => deployment((d) => { d.spec.strategy = { type: "RollingUpdate", rollingUpdate }; });
const daemonSet = (rollingUpdate: object) => ({
  apiVersion: "apps/v1",
  kind: "DaemonSet",
  metadata: { name: "agent" },
  spec: { selector: { matchLabels: { app: "agent" } }, updateStrategy: { type: "RollingUpdate", rollingUpdate }, template: { metadata: { labels: { app: "agent" } }, spec: { containers: [{ name: "agent", image: "agent:1" }] } } },
});

ruleTable(rollingUpdateNotZero, {
  valid: [
    { name: "maxUnavailable 0 with the default maxSurge (25%)", manifests: [strategy({ maxUnavailable: 0 })] },
    { name: "maxSurge 0 with the default maxUnavailable (25%)", manifests: [strategy({ maxSurge: "0%" })] },
    { name: "a DaemonSet with maxSurge 0 (the default maxUnavailable is 1)", manifests: [daemonSet({ maxSurge: 0 })] },
    { name: "the Recreate strategy", manifests: [deployment((d) => { d.spec.strategy = { type: "Recreate" }; })] },
  ],
  invalid: [
    { name: "both 0", manifests: [strategy({ maxSurge: 0, maxUnavailable: 0 })], errors: ["spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0"] },
    { name: "both 0%", manifests: [strategy({ maxSurge: "0%", maxUnavailable: "0%" })], errors: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0'] },
    { name: "a DaemonSet with maxUnavailable 0 (the default maxSurge is 0)", manifests: [daemonSet({ maxUnavailable: 0 })], errors: ["spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0"] },
    { name: "above 100%", manifests: [strategy({ maxUnavailable: "120%" })], errors: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "120%": must not be greater than 100%'] },
  ],
});
