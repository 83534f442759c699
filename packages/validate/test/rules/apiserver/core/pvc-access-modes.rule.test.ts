import { pvcAccessModes } from "../../../../src/rules/apiserver/core/pvc-access-modes.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { pvc } from "./core-objects.ts";

ruleTable(pvcAccessModes, {
  valid: [
    { name: "ReadWriteOnce", manifests: [pvc({})] },
    { name: "several modes", manifests: [pvc({ accessModes: ["ReadWriteOnce", "ReadOnlyMany"] })] },
    { name: "ReadWriteOncePod alone", manifests: [pvc({ accessModes: ["ReadWriteOncePod"] })] },
  ],
  invalid: [
    { name: "no access mode", manifests: [pvc({ accessModes: [] })], errors: ["spec.accessModes: Required value: at least 1 access mode is required"] },
    { name: "ReadWriteOncePod with another mode", manifests: [pvc({ accessModes: ["ReadWriteOncePod", "ReadOnlyMany"] })], errors: ["spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes"] },
  ],
});
