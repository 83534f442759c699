import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { validatePathNoBacksteps, volumesByName } from "../../../support/pod-validation.ts";
import { asArray, asObject, asString, at, isSet } from "../../../support/values.ts";

/**
 * Every volume device (ValidateVolumeDevices) has a unique name and a unique device path without `..`, uses a
 * persistentVolumeClaim or ephemeral volume (block mode), and does not reuse a volume mount's name or path. In a
 * StatefulSet, a device naming a volume claim template is a claim.
 */
export const volumeDevice: ObjectRule = {
  id: "volume-device",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Volume devices have unique names and device paths without '..', use a claim (persistentVolumeClaim or ephemeral) volume, and differ from the volume mounts.",
  upstreamMessage: 'spec.template.spec.containers[0].volumeDevices[0].name: Invalid value: "cache": can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    let volumes: Map<string, Record<string, unknown>> | undefined;
    let claimTemplates: Set<string> | undefined;
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      const devices = asArray(container.volumeDevices);
      if (devices.length === 0) continue;
      volumes ??= volumesByName(pod.spec);
      claimTemplates ??= new Set(
        object.kind === "StatefulSet" ? asArray(at(object.object, "spec", "volumeClaimTemplates")).map((t) => at(t, "metadata", "name")).filter((n): n is string => typeof n === "string") : [],
      );
      const mounts = new Map<string, string>();
      for (const item of asArray(container.volumeMounts)) {
        const mount = asObject(item);
        if (typeof mount?.name === "string") mounts.set(mount.name, asString(mount.mountPath) ?? "");
      }
      const mountPaths = new Set(mounts.values());
      const names = new Set<string>();
      const paths = new Set<string>();
      devices.forEach((item, index) => {
        const device = asObject(item);
        if (device === undefined) return;
        const devicePath = [...path, "volumeDevices", index];
        const name = asString(device.name) ?? "";
        const target = asString(device.devicePath) ?? "";
        const volume = volumes!.get(name);
        if (name === "") problems.push({ path: [...devicePath, "name"], message: required() });
        if (names.has(name)) problems.push({ path: [...devicePath, "name"], message: invalid(name, "must be unique") });
        if (volume !== undefined && !isSet(volume.persistentVolumeClaim) && !isSet(volume.ephemeral) && !claimTemplates!.has(name)) {
          problems.push({ path: [...devicePath, "name"], message: invalid(name, "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode") });
        }
        if (target === "") problems.push({ path: [...devicePath, "devicePath"], message: required() });
        if (paths.has(target)) problems.push({ path: [...devicePath, "devicePath"], message: invalid(target, "must be unique") });
        if (target !== "" && validatePathNoBacksteps(target, []).length > 0) {
          problems.push({ path: [...devicePath, "devicePath"], message: invalid(target, "can not contain backsteps ('..')") });
        } else paths.add(target);
        if (mounts.has(name)) problems.push({ path: [...devicePath, "name"], message: invalid(name, "must not already exist in volumeMounts") });
        if (mountPaths.has(target)) problems.push({ path: [...devicePath, "devicePath"], message: invalid(target, "must not already exist as a path in volumeMounts") });
        if (name !== "") names.add(name);
      });
    }
    return problems;
  },
};
