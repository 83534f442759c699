import { resourcesRequired } from "../../../src/rules/policy/resources-required.rule.ts";
import { deployment } from "../../fixtures.ts";
import { ruleTable } from "../rule-table.ts";

ruleTable(resourcesRequired, {
  valid: [
    { name: "requests and limits", manifests: [deployment()] },
    { name: "limits only: requests default to them", manifests: [deployment((d) => { d.spec.template.spec.containers[0].resources = { limits: { cpu: "1", memory: "1Gi" } }; })] },
  ],
  invalid: [
    { name: "no resources", manifests: [deployment((d) => { delete d.spec.template.spec.containers[0].resources; })], errors: ['spec.template.spec.containers[0].resources: Required value: container "web" must set resources requests.cpu, requests.memory, limits.cpu, limits.memory'] },
    { name: "requests only, on an init container", manifests: [deployment((d) => { d.spec.template.spec.initContainers = [{ name: "migrate", image: "m:1", resources: { requests: { cpu: "1", memory: "1Gi" } } }]; })], errors: ['spec.template.spec.initContainers[0].resources: Required value: init container "migrate" must set resources limits.cpu, limits.memory'] },
  ],
});
