import { resourceQuantity } from "../../../../src/rules/apiserver/container/resource-quantity.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { withContainer } from "./helpers.ts";

const resources = (requests: object, limits: object) => withContainer((c) => { c.resources = { requests, limits }; });
const PATH = "spec.template.spec.containers[0].resources";

ruleTable(resourceQuantity, {
  valid: [
    { name: "positive quantities, zero included", manifests: [deployment(), resources({ cpu: "0", memory: "0.5Gi" }, { cpu: "250m", memory: "1Gi" })] },
    { name: "whole extended resources, written in any form", manifests: [resources({ cpu: "1", "example.com/gpu": "1000m" }, { cpu: "1", "example.com/gpu": 1 })] },
    { name: "huge pages in whole pages, with memory", manifests: [resources({ memory: "1Gi", "hugepages-2Mi": "4Mi" }, { memory: "1Gi", "hugepages-2Mi": "4Mi", "hugepages-1Gi": "2Gi" })] },
  ],
  invalid: [
    { name: "a negative memory limit (judged once, not again at its defaulted request)", manifests: [resources({}, { memory: "-1Gi" })], errors: [`${PATH}.limits[memory]: Invalid value: "-1Gi": must be greater than or equal to 0`] },
    { name: "a negative request, printed in canonical form", manifests: [resources({ cpu: "-0.5" }, {})], errors: [`${PATH}.requests[cpu]: Invalid value: "-500m": must be greater than or equal to 0`] },
    { name: "half a GPU", manifests: [resources({ cpu: "1", "nvidia.com/gpu": "0.5" }, { cpu: "1", "nvidia.com/gpu": "0.5" })], errors: [`${PATH}.requests[nvidia.com/gpu]: Invalid value: "500m": must be an integer`, `${PATH}.limits[nvidia.com/gpu]: Invalid value: "500m": must be an integer`] },
    { name: "huge pages that are not whole pages", manifests: [resources({ memory: "1Gi" }, { memory: "1Gi", "hugepages-2Mi": "3Mi" })], errors: [`${PATH}.limits[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi`] },
    { name: "huge pages without cpu or memory", manifests: [withContainer((c) => { c.resources = { limits: { "hugepages-2Mi": "4Mi" } }; })], errors: [`${PATH}: Forbidden: HugePages require cpu or memory`] },
  ],
});
