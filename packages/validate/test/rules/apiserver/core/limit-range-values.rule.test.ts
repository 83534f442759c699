import { limitRangeValues } from "../../../../src/rules/apiserver/core/limit-range-values.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { limitRange } from "./core-objects.ts";

const q = (value: number, scale: number, text: string, format = "DecimalSI") =>
  `resource.Quantity{i:resource.int64Amount{value:${value}, scale:${scale}}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:${JSON.stringify(text)}, Format:"${format}"}`;

ruleTable(limitRangeValues, {
  valid: [
    {
      name: "min ≤ defaultRequest ≤ default ≤ max",
      manifests: [limitRange({ type: "Container", min: { cpu: "50m" }, defaultRequest: { cpu: "100m" }, default: { cpu: "500m" }, max: { cpu: "2" }, maxLimitRequestRatio: { cpu: "4" } })],
    },
    { name: "only a max (defaults follow it)", manifests: [limitRange({ type: "Container", max: { memory: "1Gi" } })] },
    { name: "only a min (the default request follows it)", manifests: [limitRange({ type: "Container", min: { memory: "64Mi" }, default: { memory: "128Mi" } })] },
    { name: "equal GPU default and default request", manifests: [limitRange({ type: "Container", default: { "nvidia.com/gpu": "1" } })] },
    { name: "a PVC item", manifests: [limitRange({ type: "PersistentVolumeClaim", min: { storage: "1Gi" }, max: { storage: "10Gi" } })] },
  ],
  invalid: [
    {
      name: "min above max on a Pod item",
      manifests: [limitRange({ type: "Pod", min: { cpu: "2" }, max: { cpu: "1" } })],
      errors: [`spec.limits[0].min[cpu]: Invalid value: ${q(2, 0, "2")}: min value 2 is greater than max value 1`],
    },
    {
      name: "min above max on a Container item (defaults come from max, so the defaults are below min too)",
      manifests: [limitRange({ type: "Container", min: { memory: "2Gi" }, max: { memory: "1Gi" } })],
      errors: [
        `spec.limits[0].defaultRequest[memory]: Invalid value: ${q(1073741824, 0, "1Gi", "BinarySI")}: min value 2Gi is greater than default request value 1Gi`,
        `spec.limits[0].default[memory]: Invalid value: ${q(2147483648, 0, "2Gi", "BinarySI")}: min value 2Gi is greater than default value 1Gi`,
        `spec.limits[0].min[memory]: Invalid value: ${q(2147483648, 0, "2Gi", "BinarySI")}: min value 2Gi is greater than max value 1Gi`,
      ],
    },
    {
      name: "a default request above the default limit",
      manifests: [limitRange({ type: "Container", default: { cpu: "1" }, defaultRequest: { cpu: "2" } })],
      errors: [`spec.limits[0].defaultRequest[cpu]: Invalid value: ${q(2, 0, "2")}: default request value 2 is greater than default limit value 1`],
    },
    {
      name: "a default above max",
      manifests: [limitRange({ type: "Container", default: { cpu: "1500m" }, defaultRequest: { cpu: "100m" }, max: { cpu: "1" } })],
      errors: [`spec.limits[0].default[cpu]: Invalid value: ${q(1, 0, "1")}: default value 1500m is greater than max value 1`],
    },
    {
      name: "a ratio below 1",
      manifests: [limitRange({ type: "Container", maxLimitRequestRatio: { cpu: "500m" } })],
      errors: [`spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: ${q(500, -3, "500m")}: ratio 500m is less than 1`],
    },
    {
      name: "a ratio above max/min",
      manifests: [limitRange({ type: "Pod", min: { cpu: "100m" }, max: { cpu: "300m" }, maxLimitRequestRatio: { cpu: "4" } })],
      errors: [`spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: ${q(4, 0, "4")}: ratio 4 is greater than max/min = 3.000000`],
    },
    {
      name: "a GPU default request that differs from the default",
      manifests: [limitRange({ type: "Container", default: { "nvidia.com/gpu": "2" }, defaultRequest: { "nvidia.com/gpu": "1" } })],
      errors: [`spec.limits[0].defaultRequest[nvidia.com/gpu]: Invalid value: ${q(1, 0, "1")}: default value 2 must equal to defaultRequest value 1 in nvidia.com/gpu`],
    },
  ],
});
