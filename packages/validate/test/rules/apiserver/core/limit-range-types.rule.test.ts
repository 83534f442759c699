import { limitRangeTypes } from "../../../../src/rules/apiserver/core/limit-range-types.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { limitRange } from "./core-objects.ts";

ruleTable(limitRangeTypes, {
  valid: [
    {
      name: "Container, Pod and PersistentVolumeClaim items",
      manifests: [limitRange({ type: "Container", default: { cpu: "500m" }, defaultRequest: { cpu: "100m" } }, { type: "Pod", max: { memory: "4Gi" } }, { type: "PersistentVolumeClaim", max: { storage: "50Gi" } })],
    },
    { name: "a prefixed type", manifests: [limitRange({ type: "example.com/Custom", max: { "example.com/widgets": "5" } })] },
    { name: "an extended resource on containers", manifests: [limitRange({ type: "Container", max: { "nvidia.com/gpu": "1" } })] },
  ],
  invalid: [
    { name: "an unknown type", manifests: [limitRange({ type: "Node", max: { cpu: "1" } })], errors: ['spec.limits[0].type: Invalid value: "Node": must be a standard limit type or fully qualified'] },
    {
      name: "a type used twice",
      manifests: [limitRange({ type: "Pod", max: { cpu: "4" } }, { type: "Pod", max: { memory: "1Gi" } })],
      errors: ['spec.limits[1].type: Duplicate value: "Pod"'],
    },
    {
      name: "defaults on a Pod item",
      manifests: [limitRange({ type: "Pod", default: { cpu: "1" }, defaultRequest: { cpu: "1" } })],
      errors: ["spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'", "spec.limits[0].defaultRequest: Forbidden: may not be specified when `type` is 'Pod'"],
    },
    {
      name: "a PersistentVolumeClaim item without a storage bound",
      manifests: [limitRange({ type: "PersistentVolumeClaim", max: { cpu: "1" } })],
      errors: ["spec.limits[0].limits: Required value: either minimum or maximum storage value is required, but neither was provided"],
    },
    {
      name: "a non-container resource on a Container item (copied by defaulting to default and defaultRequest)",
      manifests: [limitRange({ type: "Container", max: { storage: "1Gi" } })],
      errors: [
        'spec.limits[0].defaultRequest[storage]: Invalid value: "storage": must be a standard resource for containers',
        'spec.limits[0].default[storage]: Invalid value: "storage": must be a standard resource for containers',
        'spec.limits[0].max[storage]: Invalid value: "storage": must be a standard resource for containers',
      ],
    },
  ],
});
