import { pvcStorageRequest } from "../../../../src/rules/apiserver/core/pvc-storage-request.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { pvc } from "./core-objects.ts";

ruleTable(pvcStorageRequest, {
  valid: [
    { name: "1Gi", manifests: [pvc({})] },
    { name: "a number of bytes", manifests: [pvc({ resources: { requests: { storage: 1073741824 } } })] },
  ],
  invalid: [
    { name: "no storage request", manifests: [pvc({ resources: { requests: { cpu: "1" } } })], errors: ["spec.resources[storage]: Required value"] },
    { name: "no resources at all", manifests: [pvc({ resources: undefined })], errors: ["spec.resources[storage]: Required value"] },
    { name: "zero (printed in canonical form)", manifests: [pvc({ resources: { requests: { storage: "0Gi" } } })], errors: ['spec.resources[storage]: Invalid value: "0": must be greater than zero'] },
    { name: "negative", manifests: [pvc({ resources: { requests: { storage: "-1024Mi" } } })], errors: ['spec.resources[storage]: Invalid value: "-1Gi": must be greater than zero'] },
  ],
});
