import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { isEmpty, validateLocalDescendingPath } from "../../../support/pod-validation.ts";
import { asArray, asObject, asString } from "../../../support/values.ts";

/**
 * Every volume mount (ValidateVolumeMounts) has a name and a mount path; a container's mount paths are unique and
 * differ from its volume devices' names and paths; `subPath` and `subPathExpr` are relative paths without `..`, and
 * not both set. The apiserver reports `subPath` problems at `volumeMounts.subPath`, without the mount's index.
 */
export const volumeMountPath: ObjectRule = {
  id: "volume-mount-path",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Volume mounts have a name and a mount path unique in their container, and relative subPath/subPathExpr without '..' (not both).",
  upstreamMessage: 'spec.template.spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      const mounts = asArray(container.volumeMounts);
      if (mounts.length === 0) continue;
      const devices = new Map<string, string>();
      for (const item of asArray(container.volumeDevices)) {
        const device = asObject(item);
        if (typeof device?.name === "string") devices.set(device.name, asString(device.devicePath) ?? "");
      }
      const devicePaths = new Set(devices.values());
      const listPath = [...path, "volumeMounts"];
      const mountPaths = new Set<string>();
      mounts.forEach((item, index) => {
        const mount = asObject(item);
        if (mount === undefined) return;
        const mountPath = [...listPath, index];
        const name = asString(mount.name) ?? "";
        const target = asString(mount.mountPath) ?? "";
        if (isEmpty(mount.name)) problems.push({ path: [...mountPath, "name"], message: required() });
        if (target === "") problems.push({ path: [...mountPath, "mountPath"], message: required() });
        if (mountPaths.has(target)) problems.push({ path: [...mountPath, "mountPath"], message: invalid(target, "must be unique") });
        mountPaths.add(target);
        if (devices.has(name)) problems.push({ path: [...mountPath, "name"], message: invalid(name, "must not already exist in volumeDevices") });
        if (devicePaths.has(target)) problems.push({ path: [...mountPath, "mountPath"], message: invalid(target, "must not already exist as a path in volumeDevices") });
        const subPath = asString(mount.subPath) ?? "";
        const subPathExpr = asString(mount.subPathExpr) ?? "";
        if (subPath !== "") problems.push(...validateLocalDescendingPath(subPath, [...listPath, "subPath"]));
        if (subPathExpr !== "") {
          if (subPath !== "") problems.push({ path: [...mountPath, "subPathExpr"], message: invalid(subPathExpr, "subPathExpr and subPath are mutually exclusive") });
          problems.push(...validateLocalDescendingPath(subPathExpr, [...listPath, "subPathExpr"]));
        }
      });
    }
    return problems;
  },
};
