import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden, notSupported, required } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject, asString, isSet } from "../../../support/values.ts";

const WINDOWS_ONLY = "cannot be set for a windows pod";
/** Container security context fields a Windows pod's containers may not set. */
const WINDOWS_CONTAINER_FIELDS = ["seLinuxOptions", "seccompProfile", "capabilities", "readOnlyRootFilesystem", "privileged", "allowPrivilegeEscalation", "runAsUser", "runAsGroup"];

/**
 * validateOS and the OS-specific checks: `os.name` is `linux` or `windows`; a Linux pod sets no `windowsOptions`; a
 * Windows pod sets none of the Linux-only pod and container security settings (SELinux, seccomp, fsGroup, sysctls,
 * user and group IDs, capabilities, privileged…) and neither hostPID, hostIPC nor shareProcessNamespace.
 */
export const podOs: ObjectRule = {
  id: "pod-os",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A pod's os.name is linux or windows; Linux pods set no windowsOptions and Windows pods no Linux-only security settings.",
  upstreamMessage: "spec.template.spec.securityContext.runAsUser: Forbidden: cannot be set for a windows pod",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const os = asObject(pod.spec.os);
    if (os === undefined) return [];
    const osPath = [...pod.path, "os"];
    const name = asString(os.name) ?? "";
    if (name === "") return [{ path: [...osPath, "name"], message: required("cannot be empty") }];
    if (name !== "linux" && name !== "windows") return [{ path: osPath, message: notSupported(name, ["linux", "windows"]) }];
    const problems: RuleProblem[] = [];
    const context = asObject(pod.spec.securityContext);
    const contextPath = [...pod.path, "securityContext"];
    if (name === "linux") {
      if (isSet(context?.windowsOptions)) problems.push({ path: [...contextPath, "windowsOptions"], message: forbidden("windows options cannot be set for a linux pod") });
      for (const { path, container } of containersOf(pod.spec, pod.path)) {
        if (isSet(asObject(container.securityContext)?.windowsOptions)) {
          problems.push({ path: [...path, "securityContext", "windowsOptions"], message: forbidden("windows options cannot be set for a linux pod") });
        }
      }
      return problems;
    }
    const setInContext = (field: string) => isSet(context?.[field]);
    // validateWindows' order; hostPID, hostIPC and shareProcessNamespace are spec fields in v1.
    const podChecks: [FieldPath, boolean][] = [
      [[...contextPath, "seLinuxOptions"], setInContext("seLinuxOptions")],
      [[...pod.path, "hostPID"], pod.spec.hostPID === true],
      [[...pod.path, "hostIPC"], pod.spec.hostIPC === true],
      [[...contextPath, "seccompProfile"], setInContext("seccompProfile")],
      [[...contextPath, "fsGroup"], setInContext("fsGroup")],
      [[...contextPath, "fsGroupChangePolicy"], setInContext("fsGroupChangePolicy")],
      [[...contextPath, "sysctls"], asArray(context?.sysctls).length > 0],
      [[...pod.path, "shareProcessNamespace"], isSet(pod.spec.shareProcessNamespace)],
      [[...contextPath, "runAsUser"], setInContext("runAsUser")],
      [[...contextPath, "runAsGroup"], setInContext("runAsGroup")],
      [[...contextPath, "supplementalGroups"], setInContext("supplementalGroups")],
    ];
    for (const [path, set] of podChecks) if (set) problems.push({ path, message: forbidden(WINDOWS_ONLY) });
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      const containerContext = asObject(container.securityContext);
      if (containerContext === undefined) continue;
      for (const field of WINDOWS_CONTAINER_FIELDS) {
        if (isSet(containerContext[field])) problems.push({ path: [...path, "securityContext", field], message: forbidden(WINDOWS_ONLY) });
      }
    }
    return problems;
  },
};
