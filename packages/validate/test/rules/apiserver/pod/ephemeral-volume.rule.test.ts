import { ephemeralVolume } from "../../../../src/rules/apiserver/pod/ephemeral-volume.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, withVolumes } from "./pod-fixtures.ts";

const T = `${SPEC}.volumes[0].ephemeral.volumeClaimTemplate`;
const claim = (template: object) => [withVolumes([{ name: "scratch", ephemeral: { volumeClaimTemplate: template } }])];
const spec = { accessModes: ["ReadWriteOnce"], storageClassName: "fast-ssd", resources: { requests: { storage: "1Gi" } } };

ruleTable(ephemeralVolume, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "a claim template with labels and a storage request", manifests: claim({ metadata: { labels: { type: "scratch" }, annotations: { "example.com/owner": "web" } }, spec }) },
    { name: "a claim template restoring a snapshot", manifests: claim({ spec: { ...spec, dataSource: { apiGroup: "snapshot.storage.k8s.io", kind: "VolumeSnapshot", name: "nightly" } } }) },
    { name: "a claim template with creationTimestamp: null", manifests: claim({ metadata: { creationTimestamp: null }, spec }) },
  ],
  invalid: [
    { name: "no volumeClaimTemplate", manifests: [withVolumes([{ name: "scratch", ephemeral: {} }])], errors: [`${T}: Required value`] },
    { name: "a named claim template", manifests: claim({ metadata: { name: "scratch" }, spec }), errors: [`${T}.metadata.name: Forbidden: cannot be set`] },
    { name: "no access modes", manifests: claim({ spec: { ...spec, accessModes: [] } }), errors: [`${T}.spec.accessModes: Required value: at least 1 access mode is required`] },
    { name: "ReadWriteOncePod with another mode", manifests: claim({ spec: { ...spec, accessModes: ["ReadWriteOncePod", "ReadWriteOnce"] } }), errors: [`${T}.spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes`] },
    { name: "no storage request", manifests: claim({ spec: { ...spec, resources: { requests: {} } } }), errors: [`${T}.spec.resources[storage]: Required value`] },
    { name: "a zero storage request", manifests: claim({ spec: { ...spec, resources: { requests: { storage: "0" } } } }), errors: [`${T}.spec.resources[storage]: Invalid value: "0": must be greater than zero`] },
    {
      name: "an invalid storage class name",
      manifests: claim({ spec: { ...spec, storageClassName: "Fast_SSD" } }),
      errors: [`${T}.spec.storageClassName: Invalid value: "Fast_SSD": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`],
    },
    {
      name: "a core-group data source that is not a claim",
      manifests: claim({ spec: { ...spec, dataSource: { kind: "VolumeSnapshot", name: "nightly" } } }),
      errors: [`${T}.spec.dataSource: Invalid value: "VolumeSnapshot": must be 'PersistentVolumeClaim' when referencing the default apiGroup`],
    },
  ],
});
