import { ephemeralContainerFields } from "../../../../src/rules/apiserver/container/ephemeral-container-fields.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { pod } from "./helpers.ts";

const debug = { name: "debug", image: "busybox:1.36", targetContainerName: "web", stdin: true, tty: true };

ruleTable(ephemeralContainerFields, {
  valid: [
    { name: "pods and templates without ephemeral containers", manifests: [deployment(), pod()] },
    { name: "an ephemeral container with only allowed fields (its being there is ephemeral-containers' finding)", manifests: [pod((p) => { p.spec.ephemeralContainers = [{ ...debug, env: [{ name: "A", value: "1" }], securityContext: { runAsUser: 1000 }, resources: {} }]; })] },
  ],
  invalid: [
    { name: "a probe on a template's ephemeral container", manifests: [deployment((d) => { d.spec.template.spec.ephemeralContainers = [{ ...debug, livenessProbe: { tcpSocket: { port: 80 } } }]; })], errors: ["spec.template.spec.ephemeralContainers[0].livenessProbe: Forbidden: cannot be set for an Ephemeral Container"] },
    {
      name: "fields an ephemeral container may not set, and a missing target",
      manifests: [pod((p) => { p.spec.ephemeralContainers = [{ ...debug, targetContainerName: "api", ports: [{ containerPort: 80 }], resources: { limits: { cpu: "1" } }, readinessProbe: { tcpSocket: { port: 80 } }, volumeMounts: [{ name: "data", mountPath: "/d", subPath: "x" }] }]; })],
      errors: [
        'spec.ephemeralContainers[0].targetContainerName: Not found: "api"',
        "spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container",
        "spec.ephemeralContainers[0].resources: Forbidden: cannot be set for an Ephemeral Container",
        "spec.ephemeralContainers[0].readinessProbe: Forbidden: cannot be set for an Ephemeral Container",
        "spec.ephemeralContainers[0].volumeMounts[0].subPath: Forbidden: cannot be set for an Ephemeral Container",
      ],
    },
  ],
});
