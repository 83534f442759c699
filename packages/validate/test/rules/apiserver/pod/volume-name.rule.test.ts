import { volumeName } from "../../../../src/rules/apiserver/pod/volume-name.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, withVolumes } from "./pod-fixtures.ts";

const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

ruleTable(volumeName, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "distinct DNS-1123 label names", manifests: [withVolumes([{ name: "tmp", emptyDir: {} }, { name: "config-1", configMap: { name: "web" } }])] },
    { name: "a name of 63 characters", manifests: [withVolumes([{ name: "v".repeat(63), emptyDir: {} }])] },
  ],
  invalid: [
    { name: "two volumes with one name", manifests: [withVolumes([{ name: "tmp", emptyDir: {} }, { name: "tmp", emptyDir: {} }])], errors: [`${SPEC}.volumes[1].name: Duplicate value: "tmp"`] },
    { name: "an empty name", manifests: [withVolumes([{ name: "", emptyDir: {} }])], errors: [`${SPEC}.volumes[0].name: Required value`] },
    { name: "an upper-case name", manifests: [withVolumes([{ name: "Cache", emptyDir: {} }])], errors: [`${SPEC}.volumes[0].name: Invalid value: "Cache": ${LABEL_MESSAGE}`] },
    { name: "a dotted name", manifests: [withVolumes([{ name: "web.config", emptyDir: {} }])], errors: [`${SPEC}.volumes[0].name: Invalid value: "web.config": must not contain dots`] },
    { name: "a name of 64 characters", manifests: [withVolumes([{ name: "v".repeat(64), emptyDir: {} }])], errors: [`${SPEC}.volumes[0].name: Invalid value: "${"v".repeat(64)}": must be no more than 63 characters`] },
  ],
});
