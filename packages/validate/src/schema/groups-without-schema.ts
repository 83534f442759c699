/**
 * API groups of custom resources that platforms commonly render (cloudlab's backups do) and that no npm package
 * publishes a schema for, with the reason their `unknown-kind` warning gives, so that a reader sees the warning is
 * expected and not a typo. A group gets out of this table by getting a schema: a model package in
 * `scripts/model-sources.ts`, never a hand-written copy of its CRD.
 *
 * - Velero (`velero.io`): no package of the kubernetes-models family, nor any other npm package, carries its CRDs.
 *   cloudlab's constructs check the Schedules and Restores they render against schemas of exactly the fields they
 *   emit (`packages/constructs/src/backup/schemas/`); those are narrower than Velero's CRDs (fixed namespace, fixed
 *   choices), so as the gate's schema they would reject objects a cluster accepts.
 * - The CSI external-snapshotter (`snapshot.storage.k8s.io`): not in the kubernetes-models packages.
 */
export const GROUPS_WITHOUT_SCHEMA: Readonly<Record<string, string>> = {
  "snapshot.storage.k8s.io": "the CSI external-snapshotter's CRDs are in no kubernetes-models package",
  "velero.io": "Velero's CRDs are in no npm package",
};
