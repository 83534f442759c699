import { workloadUpdateStrategy } from "../../../../src/rules/apiserver/workload/workload-update-strategy.rule.ts";
import { deployment, statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { daemonSet } from "./workload-fixtures.ts";

ruleTable(workloadUpdateStrategy, {
  valid: [
    { name: "the defaults", manifests: [deployment(), statefulSet(), daemonSet()] },
    { name: "Recreate without rollingUpdate; rollingUpdate: null", manifests: [deployment((d) => { d.spec.strategy = { type: "Recreate", rollingUpdate: null }; })] },
    { name: "a StatefulSet OnDelete; a StatefulSet rolling update with a partition", manifests: [statefulSet((s) => { s.spec.updateStrategy = { type: "OnDelete" }; }), statefulSet((s) => { s.metadata.name = "db2"; s.spec.updateStrategy = { type: "RollingUpdate", rollingUpdate: { partition: 2 } }; })] },
    { name: "a DaemonSet OnDelete may keep a rollingUpdate block (the apiserver ignores it)", manifests: [daemonSet((d) => { d.spec.updateStrategy = { type: "OnDelete", rollingUpdate: { maxUnavailable: 2 } }; })] },
    { name: "a RollingUpdate Deployment with its rollingUpdate", manifests: [deployment((d) => { d.spec.strategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } }; })] },
  ],
  invalid: [
    {
      name: "Recreate with a rollingUpdate (e.g. left over from an earlier apply)",
      manifests: [deployment((d) => { d.spec.strategy = { type: "Recreate", rollingUpdate: { maxSurge: 1 } }; })],
      errors: ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    },
    {
      name: "a StatefulSet OnDelete with a rollingUpdate",
      manifests: [statefulSet((s) => { s.spec.updateStrategy = { type: "OnDelete", rollingUpdate: { partition: 1 } }; })],
      errors: ['spec.updateStrategy.rollingUpdate: Invalid value: {"partition":1}: only allowed for updateStrategy \'RollingUpdate\''],
    },
  ],
});
