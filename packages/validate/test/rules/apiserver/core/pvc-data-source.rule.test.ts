import { pvcDataSource } from "../../../../src/rules/apiserver/core/pvc-data-source.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { pvc } from "./core-objects.ts";

const snapshot = { apiGroup: "snapshot.storage.k8s.io", kind: "VolumeSnapshot", name: "nightly" };

ruleTable(pvcDataSource, {
  valid: [
    { name: "a PVC clone", manifests: [pvc({ dataSource: { kind: "PersistentVolumeClaim", name: "source" } })] },
    { name: "a snapshot", manifests: [pvc({ dataSource: snapshot })] },
    { name: "a populator in dataSourceRef", manifests: [pvc({ dataSourceRef: { apiGroup: "populator.example.com", kind: "Image", name: "base" } })] },
    { name: "both fields, equal", manifests: [pvc({ dataSource: snapshot, dataSourceRef: snapshot })] },
  ],
  invalid: [
    {
      name: "a data source with an empty name (copied to dataSourceRef, so reported twice)",
      manifests: [pvc({ dataSource: { kind: "PersistentVolumeClaim", name: "" } })],
      errors: ["spec.dataSourceRef.name: Required value", "spec.dataSource.name: Required value"],
    },
    {
      name: "a core kind other than PersistentVolumeClaim",
      manifests: [pvc({ dataSourceRef: { kind: "Secret", name: "x" } })],
      errors: ['spec.dataSource: Invalid value: "Secret"', 'spec.dataSourceRef: Invalid value: "Secret"'],
    },
    {
      name: "dataSource and dataSourceRef that differ",
      manifests: [pvc({ dataSource: snapshot, dataSourceRef: { ...snapshot, name: "weekly" } })],
      errors: ['spec: Invalid value: "spec.dataSource": must match dataSourceRef'],
    },
  ],
});
