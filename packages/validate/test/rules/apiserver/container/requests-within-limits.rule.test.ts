import { requestsWithinLimits } from "../../../../src/rules/apiserver/container/requests-within-limits.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const resources = (requests: object, limits: object) => deployment((d) => { d.spec.template.spec.containers[0].resources = { requests, limits }; });

ruleTable(requestsWithinLimits, {
  valid: [
    { name: "requests below limits", manifests: [resources({ cpu: "100m", memory: "64Mi" }, { cpu: "200m", memory: "128Mi" })] },
    { name: "equal amounts written differently", manifests: [resources({ cpu: "0.5", memory: "1Gi" }, { cpu: "500m", memory: "1024Mi" })] },
    { name: "a limit without a request (the request defaults to the limit)", manifests: [resources({ cpu: "100m" }, { cpu: "200m", memory: "128Mi" })] },
    { name: "a request without a limit", manifests: [resources({ cpu: "4", memory: "8Gi" }, {})] },
    { name: "an extended resource and huge pages requested at their limits", manifests: [resources({ cpu: "1", memory: "1Gi", "example.com/gpu": "1", "hugepages-2Mi": "4Mi" }, { cpu: "1", memory: "1Gi", "example.com/gpu": 1, "hugepages-2Mi": "4Mi" })] },
    { name: "an extended resource with only a limit (the request defaults to it)", manifests: [resources({ cpu: "1" }, { cpu: "1", "nvidia.com/gpu": "2" })] },
  ],
  invalid: [
    { name: "cpu above its limit", manifests: [resources({ cpu: "2", memory: "64Mi" }, { cpu: 1, memory: "128Mi" })], errors: ['spec.template.spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'] },
    { name: "1Gi of memory is more than a 1G limit", manifests: [resources({ cpu: "1", memory: "1Gi" }, { cpu: "1", memory: "1G" })], errors: ['spec.template.spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 1G'] },
    { name: "ephemeral storage above its limit", manifests: [resources({ cpu: "1", memory: "1Gi", "ephemeral-storage": "2Gi" }, { cpu: "1", memory: "1Gi", "ephemeral-storage": "1Gi" })], errors: ['spec.template.spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to ephemeral-storage limit of 1Gi'] },
    { name: "quantities printed in canonical form", manifests: [resources({ cpu: "2000m", memory: "1536Mi" }, { cpu: "1.5", memory: "1Gi" })], errors: ['spec.template.spec.containers[0].resources.requests: Invalid value: "1536Mi": must be less than or equal to memory limit of 1Gi', 'spec.template.spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1500m'] },
    { name: "an extended resource requested below its limit", manifests: [resources({ cpu: "1", "example.com/gpu": "1" }, { cpu: "1", "example.com/gpu": "2" })], errors: ['spec.template.spec.containers[0].resources.requests: Invalid value: "1": must be equal to example.com/gpu limit of 2'] },
    { name: "huge pages requested without a limit", manifests: [resources({ memory: "1Gi", "hugepages-2Mi": "4Mi" }, {})], errors: ["spec.template.spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources"] },
  ],
});
