import { volumeMountVolume } from "../../../../src/rules/apiserver/pod/volume-mount-volume.rule.ts";
import { statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, withSpec, withVolumes } from "./pod-fixtures.ts";

ruleTable(volumeMountVolume, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "a mount of a declared volume", manifests: [withVolumes([{ name: "tmp", emptyDir: {} }], [{ name: "tmp", mountPath: "/tmp" }])] },
    { name: "a StatefulSet mount of a volume claim template", manifests: [statefulSet()] },
    {
      name: "an init container's mount and a device of declared volumes",
      manifests: [
        withSpec((s) => {
          s.volumes = [{ name: "tmp", emptyDir: {} }, { name: "disk", persistentVolumeClaim: { claimName: "disk" } }];
          s.initContainers = [{ name: "init", image: "busybox:1.36", volumeMounts: [{ name: "tmp", mountPath: "/tmp" }], volumeDevices: [{ name: "disk", devicePath: "/dev/xvda" }] }];
        }),
      ],
    },
  ],
  invalid: [
    { name: "a mount of a missing volume", manifests: [withVolumes([{ name: "tmp", emptyDir: {} }], [{ name: "cache", mountPath: "/cache" }])], errors: [`${SPEC}.containers[0].volumeMounts[0].name: Not found: "cache"`] },
    { name: "a StatefulSet mount naming no template", manifests: [statefulSet((s) => { s.spec.volumeClaimTemplates[0].metadata.name = "state"; })], errors: ['spec.template.spec.containers[0].volumeMounts[0].name: Not found: "data"'] },
    {
      name: "an init container's device of a missing volume",
      manifests: [withSpec((s) => { s.initContainers = [{ name: "init", image: "busybox:1.36", volumeDevices: [{ name: "disk", devicePath: "/dev/xvda" }] }]; })],
      errors: [`${SPEC}.initContainers[0].volumeDevices[0].name: Not found: "disk"`],
    },
  ],
});
