import { resourceName } from "../../../../src/rules/apiserver/container/resource-name.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { withContainer } from "./helpers.ts";

const resources = (requests: object, limits: object) => withContainer((c) => { c.resources = { requests, limits }; });
const PATH = "spec.template.spec.containers[0].resources";

ruleTable(resourceName, {
  valid: [
    { name: "cpu, memory and ephemeral storage", manifests: [deployment(), resources({ cpu: "1", "ephemeral-storage": "1Gi" }, { memory: "1Gi" })] },
    { name: "huge pages, extended resources and kubernetes.io names", manifests: [resources({ memory: "1Gi", "hugepages-2Mi": "2Mi", "example.com/fpga": "1" }, { memory: "1Gi", "hugepages-2Mi": "2Mi", "example.com/fpga": "1", "nvidia.com/gpu": "1", "kubernetes.io/custom": "1" })] },
  ],
  invalid: [
    {
      name: "an unqualified unknown resource",
      manifests: [resources({}, { gpu: "1" })],
      errors: [`${PATH}.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers`, `${PATH}.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified`],
    },
    { name: "a quota resource name (not a container resource)", manifests: [resources({ "requests.cpu": "1" }, {})], errors: [`${PATH}.requests[requests.cpu]: Invalid value: "requests.cpu": must be a standard resource for containers`] },
    { name: "an extended resource named like a quota key", manifests: [resources({}, { "requests.example.com/gpu": "1" })], errors: [`${PATH}.limits[requests.example.com/gpu]: Invalid value: "requests.example.com/gpu": doesn't follow extended resource name standard`] },
    { name: "a limit's name is judged once, not again at its defaulted request", manifests: [resources({}, { pods: "1" })], errors: [`${PATH}.limits[pods]: Invalid value: "pods": must be a standard resource for containers`] },
  ],
});
