import { containerRestartPolicy } from "../../../../src/rules/apiserver/container/container-restart-policy.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { initContainer, withContainer, withInitContainers } from "./helpers.ts";

const FORBIDDEN_BEFORE_1_29 =
  "Forbidden: may not be set for init containers: the SidecarContainers feature gate is off by default before Kubernetes 1.29, so the apiserver drops the field and the container runs to completion before the others start";

ruleTable(containerRestartPolicy, {
  valid: [
    { name: "no restartPolicy on any container", manifests: [deployment(), withInitContainers(initContainer())] },
    { name: "a sidecar init container on Kubernetes 1.29", versions: { kubernetes: "1.29" }, manifests: [withInitContainers(initContainer("proxy", { restartPolicy: "Always" }))] },
  ],
  invalid: [
    { name: "a sidecar init container on Kubernetes 1.28", manifests: [withInitContainers(initContainer("proxy", { restartPolicy: "Always" }))], errors: [`spec.template.spec.initContainers[0].restartPolicy: ${FORBIDDEN_BEFORE_1_29}`] },
    { name: "a regular container", manifests: [withContainer((c) => { c.restartPolicy = "Always"; })], errors: ["spec.template.spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers"] },
    { name: "a value other than Always on Kubernetes 1.30", versions: { kubernetes: "1.30" }, manifests: [withInitContainers(initContainer("proxy", { restartPolicy: "OnFailure" }))], errors: ['spec.template.spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'] },
  ],
});
