import { volumeDevice } from "../../../../src/rules/apiserver/pod/volume-device.rule.ts";
import { statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

const C = `${SPEC}.containers[0]`;
const withDevices = (devices: object[], volumes: object[] = [{ name: "disk", persistentVolumeClaim: { claimName: "disk" } }, { name: "scratch", ephemeral: { volumeClaimTemplate: { spec: { accessModes: ["ReadWriteOnce"], volumeMode: "Block", resources: { requests: { storage: "1Gi" } } } } } }]) =>
  withSpec((s) => {
    s.volumes = volumes;
    s.containers[0].volumeDevices = devices;
  });

ruleTable(volumeDevice, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "claim and ephemeral block devices", manifests: [withDevices([{ name: "disk", devicePath: "/dev/xvda" }, { name: "scratch", devicePath: "/dev/xvdb" }])] },
    {
      name: "a StatefulSet device of a volume claim template",
      manifests: [statefulSet((s) => { s.spec.template.spec.containers[0].volumeMounts = []; s.spec.template.spec.containers[0].volumeDevices = [{ name: "data", devicePath: "/dev/data" }]; })],
    },
  ],
  invalid: [
    { name: "a device of an emptyDir", manifests: [withDevices([{ name: "tmp", devicePath: "/dev/xvda" }], [{ name: "tmp", emptyDir: {} }])], errors: [`${C}.volumeDevices[0].name: Invalid value: "tmp": can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode`] },
    {
      name: "one volume as two devices at one path",
      manifests: [withDevices([{ name: "disk", devicePath: "/dev/xvda" }, { name: "disk", devicePath: "/dev/xvda" }])],
      errors: [`${C}.volumeDevices[1].name: Invalid value: "disk": must be unique`, `${C}.volumeDevices[1].devicePath: Invalid value: "/dev/xvda": must be unique`],
    },
    { name: "a device path with '..'", manifests: [withDevices([{ name: "disk", devicePath: "/dev/../xvda" }])], errors: [`${C}.volumeDevices[0].devicePath: Invalid value: "/dev/../xvda": can not contain backsteps ('..')`] },
    { name: "an empty device path", manifests: [withDevices([{ name: "disk", devicePath: "" }])], errors: [`${C}.volumeDevices[0].devicePath: Required value`] },
    {
      name: "a device reusing a mount's name",
      manifests: [withSpec((s) => { s.volumes = [{ name: "disk", persistentVolumeClaim: { claimName: "d" } }]; s.containers[0].volumeMounts = [{ name: "disk", mountPath: "/data" }]; s.containers[0].volumeDevices = [{ name: "disk", devicePath: "/dev/xvda" }]; })],
      errors: [`${C}.volumeDevices[0].name: Invalid value: "disk": must not already exist in volumeMounts`],
    },
  ],
});
