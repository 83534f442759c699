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
  ],
  invalid: [
    { name: "cpu above its limit", manifests: [resources({ cpu: "2", memory: "64Mi" }, { cpu: 1, memory: "128Mi" })], errors: ['spec.template.spec.containers[0].resources.requests[cpu]: Invalid value: "2": must be less than or equal to cpu limit of 1'] },
    { name: "1Gi of memory is more than a 1G limit", manifests: [resources({ cpu: "1", memory: "1Gi" }, { cpu: "1", memory: "1G" })], errors: ['spec.template.spec.containers[0].resources.requests[memory]: Invalid value: "1Gi": must be less than or equal to memory limit of 1G'] },
    { name: "an extended resource", manifests: [resources({ cpu: "1", memory: "1Gi", "ephemeral-storage": "2Gi" }, { cpu: "1", memory: "1Gi", "ephemeral-storage": "1Gi" })], errors: ['spec.template.spec.containers[0].resources.requests[ephemeral-storage]: Invalid value: "2Gi": must be less than or equal to ephemeral-storage limit of 1Gi'] },
  ],
});
