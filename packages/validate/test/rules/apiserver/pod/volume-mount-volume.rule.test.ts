import { volumeMountVolume } from "../../../../src/rules/apiserver/pod/volume-mount-volume.rule.ts";
import { deployment, statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const withVolumes = (volumes: object[], mounts: object[]) =>
  deployment((d) => {
    d.spec.template.spec.volumes = volumes;
    d.spec.template.spec.containers[0].volumeMounts = mounts;
  });

ruleTable(volumeMountVolume, {
  valid: [
    { name: "a mount of a declared volume", manifests: [withVolumes([{ name: "tmp", emptyDir: {} }], [{ name: "tmp", mountPath: "/tmp" }])] },
    { name: "a StatefulSet mount of a volume claim template", manifests: [statefulSet()] },
  ],
  invalid: [
    { name: "a mount of a missing volume", manifests: [withVolumes([{ name: "tmp", emptyDir: {} }], [{ name: "cache", mountPath: "/cache" }])], errors: ['spec.template.spec.containers[0].volumeMounts[0].name: Not found: "cache"'] },
    { name: "a StatefulSet mount naming no template", manifests: [statefulSet((s) => { s.spec.volumeClaimTemplates[0].metadata.name = "state"; })], errors: ['spec.template.spec.containers[0].volumeMounts[0].name: Not found: "data"'] },
    { name: "two volumes with one name", manifests: [withVolumes([{ name: "tmp", emptyDir: {} }, { name: "tmp", emptyDir: {} }], [])], errors: ['spec.template.spec.volumes[1].name: Duplicate value: "tmp"'] },
  ],
});
