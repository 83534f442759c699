import { volumeMountPath } from "../../../../src/rules/apiserver/pod/volume-mount-path.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, withSpec, withVolumes } from "./pod-fixtures.ts";

const C = `${SPEC}.containers[0]`;
const vols = [{ name: "data", emptyDir: {} }, { name: "config", configMap: { name: "web" } }];

ruleTable(volumeMountPath, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    {
      name: "distinct mount paths with subPath and subPathExpr",
      manifests: [withVolumes(vols, [{ name: "data", mountPath: "/data" }, { name: "config", mountPath: "/etc/web/app.conf", subPath: "app.conf" }, { name: "data", mountPath: "/logs", subPathExpr: "$(POD_NAME)/logs" }])],
    },
    { name: "one volume mounted twice at different paths", manifests: [withVolumes(vols, [{ name: "data", mountPath: "/a" }, { name: "data", mountPath: "/b" }])] },
    {
      name: "the same mount path in two containers",
      manifests: [
        withSpec((s) => {
          s.volumes = vols;
          s.containers[0].volumeMounts = [{ name: "data", mountPath: "/data" }];
          s.containers.push({ name: "sidecar", image: "busybox:1.36", volumeMounts: [{ name: "data", mountPath: "/data" }] });
        }),
      ],
    },
  ],
  invalid: [
    { name: "a mount path used twice", manifests: [withVolumes(vols, [{ name: "data", mountPath: "/data" }, { name: "config", mountPath: "/data" }])], errors: [`${C}.volumeMounts[1].mountPath: Invalid value: "/data": must be unique`] },
    { name: "an empty mount path", manifests: [withVolumes(vols, [{ name: "data", mountPath: "" }])], errors: [`${C}.volumeMounts[0].mountPath: Required value`] },
    { name: "an empty name", manifests: [withVolumes(vols, [{ name: "", mountPath: "/x" }])], errors: [`${C}.volumeMounts[0].name: Required value`] },
    {
      name: "an absolute subPath with '..' (reported without the mount's index)",
      manifests: [withVolumes(vols, [{ name: "data", mountPath: "/data", subPath: "/../etc" }])],
      errors: [`${C}.volumeMounts.subPath: Invalid value: "/../etc": must be a relative path`, `${C}.volumeMounts.subPath: Invalid value: "/../etc": must not contain '..'`],
    },
    {
      name: "both subPath and subPathExpr",
      manifests: [withVolumes(vols, [{ name: "data", mountPath: "/data", subPath: "a", subPathExpr: "$(POD_NAME)" }])],
      errors: [`${C}.volumeMounts[0].subPathExpr: Invalid value: "$(POD_NAME)": subPathExpr and subPath are mutually exclusive`],
    },
    {
      name: "a mount reusing a device's name and path",
      manifests: [
        withSpec((s) => {
          s.volumes = [{ name: "disk", persistentVolumeClaim: { claimName: "disk" } }];
          s.containers[0].volumeDevices = [{ name: "disk", devicePath: "/dev/xvda" }];
          s.containers[0].volumeMounts = [{ name: "disk", mountPath: "/dev/xvda" }];
        }),
      ],
      errors: [`${C}.volumeMounts[0].name: Invalid value: "disk": must not already exist in volumeDevices`, `${C}.volumeMounts[0].mountPath: Invalid value: "/dev/xvda": must not already exist as a path in volumeDevices`],
    },
  ],
});
