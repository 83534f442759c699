import { containersRequired } from "../../../../src/rules/apiserver/container/containers-required.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { pod } from "./helpers.ts";

ruleTable(containersRequired, {
  valid: [
    { name: "one container", manifests: [deployment(), pod()] },
  ],
  invalid: [
    { name: "an empty list in a template", manifests: [deployment((d) => { d.spec.template.spec.containers = []; })], errors: ["spec.template.spec.containers: Required value"] },
    { name: "an empty list in a Pod, even with init containers", manifests: [pod((p) => { p.spec.containers = []; p.spec.initContainers = [{ name: "i", image: "busybox:1.36" }]; })], errors: ["spec.containers: Required value"] },
  ],
});
