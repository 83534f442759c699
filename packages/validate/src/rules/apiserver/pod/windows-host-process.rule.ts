import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { at } from "../../../support/values.ts";

/**
 * validateWindowsHostProcessPod: a container's `windowsOptions.hostProcess` agrees with the pod's when both are set;
 * a pod with any HostProcess container has only HostProcess containers and uses the host network.
 */
export const windowsHostProcess: ObjectRule = {
  id: "windows-host-process",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Windows HostProcess pods run only HostProcess containers, agree with their containers' hostProcess, and use hostNetwork.",
  upstreamMessage: "spec.template.spec.hostNetwork: Invalid value: false: hostNetwork must be true if pod contains any hostProcess containers",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const podHostProcess = at(pod.spec, "securityContext", "windowsOptions", "hostProcess");
    const problems: RuleProblem[] = [];
    let containers = 0;
    let hostProcessContainers = 0;
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      containers++;
      const hostProcess = at(container, "securityContext", "windowsOptions", "hostProcess");
      if (typeof podHostProcess === "boolean" && typeof hostProcess === "boolean" && podHostProcess !== hostProcess) {
        problems.push({
          path: [...path, "securityContext", "windowsOptions", "hostProcess"],
          message: invalid(hostProcess, `pod hostProcess value must be identical if both are specified, was ${podHostProcess}`),
        });
      }
      if (hostProcess === true || (typeof hostProcess !== "boolean" && podHostProcess === true)) hostProcessContainers++;
    }
    if (hostProcessContainers === 0) return problems;
    if (hostProcessContainers !== containers) problems.push({ path: pod.path, message: invalid("", "If pod contains any hostProcess containers then all containers must be HostProcess containers") });
    if (pod.spec.hostNetwork !== true) problems.push({ path: [...pod.path, "hostNetwork"], message: invalid(false, "hostNetwork must be true if pod contains any hostProcess containers") });
    return problems;
  },
};
