import { resourceQuotaHard } from "../../../../src/rules/apiserver/core/resource-quota-hard.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { quota } from "./core-objects.ts";

ruleTable(resourceQuotaHard, {
  valid: [
    {
      name: "compute, storage and object counts",
      manifests: [quota({ hard: { "requests.cpu": "4", "limits.memory": "16Gi", "requests.storage": "100Gi", pods: "20", "count/deployments.apps": 10, "requests.nvidia.com/gpu": 2 } })],
    },
    { name: "a fractional CPU quota", manifests: [quota({ hard: { "limits.cpu": "2500m" } })] },
    { name: "huge pages", manifests: [quota({ hard: { "requests.hugepages-2Mi": "1Gi" } })] },
  ],
  invalid: [
    { name: "storage is not a quota resource", manifests: [quota({ hard: { storage: "10Gi" } })], errors: ['spec.hard[storage]: Invalid value: "storage": must be a standard resource for quota'] },
    {
      name: "an unknown unprefixed resource",
      manifests: [quota({ hard: { gpus: "1" } })],
      errors: ['spec.hard[gpus]: Invalid value: "gpus": must be a standard resource for quota', 'spec.hard[gpus]: Invalid value: "gpus": must be a standard resource type or fully qualified'],
    },
    { name: "a negative amount", manifests: [quota({ hard: { "requests.memory": "-1Gi" } })], errors: ['spec.hard[requests.memory]: Invalid value: "-1Gi": must be greater than or equal to 0'] },
    {
      name: "a fractional object count",
      manifests: [quota({ hard: { pods: "1500m" } })],
      errors: ['spec.hard[pods]: Invalid value: resource.Quantity{i:resource.int64Amount{value:1500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1500m", Format:"DecimalSI"}: must be an integer'],
    },
    {
      name: "a fractional extended resource",
      manifests: [quota({ hard: { "count/jobs.batch": "2.5" } })],
      errors: ['spec.hard[count/jobs.batch]: Invalid value: resource.Quantity{i:resource.int64Amount{value:25, scale:-1}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"DecimalSI"}: must be an integer'],
    },
  ],
});
