import { statefulsetPvcRetentionPolicy } from "../../../../src/rules/apiserver/workload/statefulset-pvc-retention-policy.rule.ts";
import { statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(statefulsetPvcRetentionPolicy, {
  valid: [
    { name: "no policy (Retain)", manifests: [statefulSet()] },
    { name: "Delete when deleted, the other defaulted", manifests: [statefulSet((s) => { s.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: "Delete" }; })] },
    { name: "both set", manifests: [statefulSet((s) => { s.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: "Retain", whenScaled: "Delete" }; })] },
  ],
  invalid: [
    {
      name: "unknown values",
      manifests: [statefulSet((s) => { s.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: "Keep", whenScaled: "delete" }; })],
      errors: [
        'spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"',
        'spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: "delete": supported values: "Retain", "Delete"',
      ],
    },
  ],
});
