import { windowsHostProcess } from "../../../../src/rules/apiserver/pod/windows-host-process.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

const hostProcess = (pod: boolean | undefined, containers: (boolean | undefined)[], hostNetwork = true) =>
  [withSpec((s) => {
    s.os = { name: "windows" };
    s.securityContext = pod === undefined ? {} : { windowsOptions: { hostProcess: pod } };
    s.hostNetwork = hostNetwork;
    s.containers = containers.map((value, i) => ({ name: `c${i}`, image: "mcr.microsoft.com/windows/nanoserver:ltsc2022", ...(value === undefined ? {} : { securityContext: { windowsOptions: { hostProcess: value } } }) }));
  })];

ruleTable(windowsHostProcess, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "a HostProcess pod", manifests: hostProcess(true, [undefined, true]) },
    { name: "containers all HostProcess without a pod setting", manifests: hostProcess(undefined, [true, true]) },
    { name: "no HostProcess at all, without hostNetwork", manifests: hostProcess(false, [undefined, false], false) },
  ],
  invalid: [
    { name: "a HostProcess pod without hostNetwork", manifests: hostProcess(true, [undefined], false), errors: [`${SPEC}.hostNetwork: Invalid value: false: hostNetwork must be true if pod contains any hostProcess containers`] },
    {
      name: "a container disagreeing with the pod",
      manifests: hostProcess(true, [undefined, false]),
      errors: [`${SPEC}: Invalid value: "": If pod contains any hostProcess containers then all containers must be HostProcess containers`, `${SPEC}.containers[1].securityContext.windowsOptions.hostProcess: Invalid value: false: pod hostProcess value must be identical if both are specified, was true`],
    },
    { name: "one HostProcess container among others", manifests: hostProcess(undefined, [true, undefined]), errors: [`${SPEC}: Invalid value: "": If pod contains any hostProcess containers then all containers must be HostProcess containers`] },
  ],
});
