import { rollingUpdateNotZero } from "../../../../src/rules/apiserver/workload/rolling-update-not-zero.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { daemonSet as daemonSetOf } from "./workload-fixtures.ts";

const strategy = (rollingUpdate: object) => deployment((d) => { d.spec.strategy = { type: "RollingUpdate", rollingUpdate }; });
const daemonSet = (rollingUpdate: object) => daemonSetOf((d) => { d.spec.updateStrategy = { type: "RollingUpdate", rollingUpdate }; });

ruleTable(rollingUpdateNotZero, {
  valid: [
    { name: "maxUnavailable 0 with the default maxSurge (25%)", manifests: [strategy({ maxUnavailable: 0 })] },
    { name: "maxSurge 0 with the default maxUnavailable (25%)", manifests: [strategy({ maxSurge: "0%" })] },
    { name: "the defaults", manifests: [deployment(), daemonSetOf()] },
    { name: "a DaemonSet with maxSurge 0 (the default maxUnavailable is 1)", manifests: [daemonSet({ maxSurge: 0 })] },
    { name: "a DaemonSet surging with maxUnavailable 0", manifests: [daemonSet({ maxSurge: "10%", maxUnavailable: 0 })] },
    { name: "the Recreate and OnDelete strategies", manifests: [deployment((d) => { d.spec.strategy = { type: "Recreate" }; }), daemonSetOf((d) => { d.spec.updateStrategy = { type: "OnDelete", rollingUpdate: { maxUnavailable: 0 } }; })] },
    { name: "a string of digits counts as its number", manifests: [strategy({ maxSurge: "1", maxUnavailable: 0 })] },
    {
      name: "a StatefulSet's maxUnavailable 0 (MaxUnavailableStatefulSet is off at 1.28: the apiserver drops the field)",
      manifests: [{ apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "db" }, spec: { selector: { matchLabels: { app: "db" } }, updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0 } }, template: { metadata: { labels: { app: "db" } }, spec: { containers: [{ name: "db", image: "db:1" }] } } } }],
    },
  ],
  invalid: [
    { name: "both 0", manifests: [strategy({ maxSurge: 0, maxUnavailable: 0 })], errors: ["spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0"] },
    { name: "both 0%", manifests: [strategy({ maxSurge: "0%", maxUnavailable: "0%" })], errors: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0'] },
    { name: "a value that is not a number counts as 0", manifests: [strategy({ maxSurge: "abc", maxUnavailable: 0 })], errors: ["spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0"] },
    { name: "a DaemonSet with maxUnavailable 0 (the default maxSurge is 0)", manifests: [daemonSet({ maxUnavailable: 0 })], errors: ["spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0"] },
    {
      name: "a DaemonSet surging without maxUnavailable 0 (the default maxUnavailable is 1)",
      manifests: [daemonSet({ maxSurge: 1 })],
      errors: ["spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero"],
    },
  ],
});
