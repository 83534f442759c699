import { initContainerFields } from "../../../../src/rules/apiserver/container/init-container-fields.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { initContainer, withInitContainers } from "./helpers.ts";

const probe = { tcpSocket: { port: 8080 } };

ruleTable(initContainerFields, {
  valid: [
    { name: "plain init containers, and probes on regular containers", manifests: [deployment(), withInitContainers(initContainer("a"), initContainer("b"))] },
    { name: "a sidecar init container's probes and hooks on Kubernetes 1.29", versions: { kubernetes: "1.29" }, manifests: [withInitContainers(initContainer("proxy", { restartPolicy: "Always", readinessProbe: probe, startupProbe: probe, lifecycle: { preStop: { exec: { command: ["sleep", "5"] } } } }))] },
  ],
  invalid: [
    {
      name: "probes and a hook on an init container",
      manifests: [withInitContainers(initContainer("init", { lifecycle: { postStart: { exec: { command: ["true"] } } }, livenessProbe: probe, readinessProbe: probe, startupProbe: probe }))],
      errors: [
        "spec.template.spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always",
        "spec.template.spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
        "spec.template.spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
        "spec.template.spec.initContainers[0].startupProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
      ],
    },
    { name: "a sidecar's probe on Kubernetes 1.28 (restartPolicy is dropped there)", manifests: [withInitContainers(initContainer("proxy", { restartPolicy: "Always", readinessProbe: probe }))], errors: ["spec.template.spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always"] },
  ],
});
