import { portRange } from "../../../../src/rules/apiserver/container/port-range.rule.ts";
import { deployment, service } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(portRange, {
  valid: [
    { name: "ports within range", manifests: [deployment(), service((s) => { s.spec.type = "NodePort"; s.spec.ports[0].nodePort = 30080; s.spec.ports[0].port = 65535; })] },
    { name: "hostPort 0 means none", manifests: [deployment((d) => { d.spec.template.spec.containers[0].ports[0].hostPort = 0; })] },
    { name: "an init container's probe is not validated (it is forbidden: init-container-fields)", manifests: [deployment((d) => { d.spec.template.spec.initContainers = [{ name: "init", image: "busybox:1.36", livenessProbe: { tcpSocket: { port: 0 } } }]; })] },
  ],
  invalid: [
    { name: "containerPort 0", manifests: [deployment((d) => { d.spec.template.spec.containers[0].ports[0].containerPort = 0; })], errors: ["spec.template.spec.containers[0].ports[0].containerPort: Required value"] },
    { name: "a hostPort above 65535", manifests: [deployment((d) => { d.spec.template.spec.containers[0].ports[0].hostPort = 65536; })], errors: ["spec.template.spec.containers[0].ports[0].hostPort: Invalid value: 65536: must be between 1 and 65535, inclusive"] },
    { name: "a Service port above 65535", manifests: [service((s) => { s.spec.ports[0].port = 70000; })], errors: ["spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive"] },
    { name: "a probe port of 65536", manifests: [deployment((d) => { d.spec.template.spec.containers[0].livenessProbe.httpGet.port = 65536; })], errors: ["spec.template.spec.containers[0].livenessProbe.httpGet.port: Invalid value: 65536: must be between 1 and 65535, inclusive"] },
    { name: "a nodePort outside 30000-32767", manifests: [service((s) => { s.spec.type = "NodePort"; s.spec.ports[0].nodePort = 8080; })], errors: ["spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767"] },
  ],
});
