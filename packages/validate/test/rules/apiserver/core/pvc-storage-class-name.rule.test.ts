import { pvcStorageClassName } from "../../../../src/rules/apiserver/core/pvc-storage-class-name.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { pvc } from "./core-objects.ts";

ruleTable(pvcStorageClassName, {
  valid: [
    { name: "a class", manifests: [pvc({ storageClassName: "fast-ssd" })] },
    { name: "an empty class (no dynamic provisioning)", manifests: [pvc({ storageClassName: "" })] },
  ],
  invalid: [
    {
      name: "a class that is not a DNS subdomain",
      manifests: [pvc({ storageClassName: "Fast_SSD" })],
      errors: [
        "spec.storageClassName: Invalid value: \"Fast_SSD\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    },
  ],
});
