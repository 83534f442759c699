import { probeSuccessThreshold } from "../../../../src/rules/apiserver/container/probe-success-threshold.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(probeSuccessThreshold, {
  valid: [
    { name: "the default, and 1 written out", manifests: [deployment((d) => { d.spec.template.spec.containers[0].livenessProbe.successThreshold = 1; })] },
    { name: "a readiness probe may need several successes", manifests: [deployment((d) => { d.spec.template.spec.containers[0].readinessProbe.successThreshold = 3; })] },
    { name: "0 is defaulted to 1", manifests: [deployment((d) => { d.spec.template.spec.containers[0].livenessProbe.successThreshold = 0; })] },
    { name: "a sidecar init container on Kubernetes 1.29", versions: { kubernetes: "1.29" }, manifests: [deployment((d) => { d.spec.template.spec.initContainers = [{ name: "proxy", image: "proxy:1.0", restartPolicy: "Always", livenessProbe: { tcpSocket: { port: 15000 } } }]; })] },
  ],
  invalid: [
    { name: "liveness 3", manifests: [deployment((d) => { d.spec.template.spec.containers[0].livenessProbe.successThreshold = 3; })], errors: ["spec.template.spec.containers[0].livenessProbe.successThreshold: Invalid value: 3: must be 1"] },
    { name: "startup 2", manifests: [deployment((d) => { d.spec.template.spec.containers[0].startupProbe = { tcpSocket: { port: 8080 }, successThreshold: 2 }; })], errors: ["spec.template.spec.containers[0].startupProbe.successThreshold: Invalid value: 2: must be 1"] },
    { name: "a sidecar init container's liveness probe on Kubernetes 1.29", versions: { kubernetes: "1.29" }, manifests: [deployment((d) => { d.spec.template.spec.initContainers = [{ name: "proxy", image: "proxy:1.0", restartPolicy: "Always", livenessProbe: { tcpSocket: { port: 15000 }, successThreshold: 2 } }]; })], errors: ["spec.template.spec.initContainers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1"] },
  ],
});
