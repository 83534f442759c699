import { probeHandler } from "../../../../src/rules/apiserver/container/probe-handler.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const probe = (livenessProbe: object) => deployment((d) => { d.spec.template.spec.containers[0].livenessProbe = livenessProbe; });

ruleTable(probeHandler, {
  valid: [
    { name: "one handler each", manifests: [probe({ tcpSocket: { port: 8080 } }), deployment((d) => { d.metadata.name = "grpc"; d.spec.template.spec.containers[0].livenessProbe = { grpc: { port: 9090 } }; })] },
    { name: "a preStop sleep hook", manifests: [deployment((d) => { d.spec.template.spec.containers[0].lifecycle = { preStop: { exec: { command: ["sleep", "5"] } } }; })] },
  ],
  invalid: [
    { name: "two handlers", manifests: [probe({ httpGet: { path: "/", port: 8080 }, tcpSocket: { port: 8080 } })], errors: ["spec.template.spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type"] },
    { name: "no handler", manifests: [probe({ periodSeconds: 5 })], errors: ["spec.template.spec.containers[0].livenessProbe: Required value: must specify a handler type"] },
    { name: "a hook with two handlers", manifests: [deployment((d) => { d.spec.template.spec.containers[0].lifecycle = { postStart: { exec: { command: ["a"] }, httpGet: { port: 8080 } } }; })], errors: ["spec.template.spec.containers[0].lifecycle.postStart.httpGet: Forbidden: may not specify more than 1 handler type"] },
  ],
});
