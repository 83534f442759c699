import { podOs } from "../../../../src/rules/apiserver/pod/pod-os.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

const windowsPod = (change: (s: Record<string, any>) => void = () => {}) =>
  [withSpec((s) => {
    s.os = { name: "windows" };
    s.securityContext = { windowsOptions: { runAsUserName: "ContainerUser" } };
    s.containers = [{ name: "web", image: "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022" }];
    change(s);
  })];

ruleTable(podOs, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "a Linux pod with Linux settings", manifests: [withSpec((s) => { s.os = { name: "linux" }; })] },
    { name: "a Windows pod with Windows settings", manifests: windowsPod() },
    { name: "Windows options in a pod with no os", manifests: [withSpec((s) => { s.securityContext.windowsOptions = { runAsUserName: "ContainerUser" }; })] },
  ],
  invalid: [
    { name: "an unknown OS", manifests: [withSpec((s) => { s.os = { name: "darwin" }; })], errors: [`${SPEC}.os: Unsupported value: "darwin": supported values: "linux", "windows"`] },
    { name: "an empty OS name", manifests: [withSpec((s) => { s.os = { name: "" }; })], errors: [`${SPEC}.os.name: Required value: cannot be empty`] },
    {
      name: "Windows options in a Linux pod and container",
      manifests: [withSpec((s) => { s.os = { name: "linux" }; s.securityContext.windowsOptions = { runAsUserName: "u" }; s.containers[0].securityContext.windowsOptions = { runAsUserName: "u" }; })],
      errors: [`${SPEC}.securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod`, `${SPEC}.containers[0].securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod`],
    },
    {
      name: "Linux settings in a Windows pod",
      manifests: windowsPod((s) => { s.securityContext.runAsUser = 1000; s.hostPID = true; s.containers[0].securityContext = { privileged: false, capabilities: { drop: ["ALL"] } }; }),
      errors: [
        `${SPEC}.securityContext.runAsUser: Forbidden: cannot be set for a windows pod`,
        `${SPEC}.containers[0].securityContext.privileged: Forbidden: cannot be set for a windows pod`,
        `${SPEC}.containers[0].securityContext.capabilities: Forbidden: cannot be set for a windows pod`,
        `${SPEC}.hostPID: Forbidden: cannot be set for a windows pod`,
      ],
    },
  ],
});
