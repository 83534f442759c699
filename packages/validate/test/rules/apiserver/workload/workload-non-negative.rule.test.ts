import { workloadNonNegative } from "../../../../src/rules/apiserver/workload/workload-non-negative.rule.ts";
import { deployment, statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { daemonSet, replicaSet, replicationController } from "./workload-fixtures.ts";

const NEGATIVE = "must be greater than or equal to 0";

ruleTable(workloadNonNegative, {
  valid: [
    { name: "zero everywhere", manifests: [deployment((d) => { d.spec.replicas = 0; d.spec.minReadySeconds = 0; d.spec.revisionHistoryLimit = 0; }), replicaSet((r) => { r.spec.replicas = 0; })] },
    { name: "a StatefulSet starting at ordinal 0 with partition 0", manifests: [statefulSet((s) => { s.spec.ordinals = { start: 0 }; s.spec.updateStrategy = { type: "RollingUpdate", rollingUpdate: { partition: 0 } }; })] },
    { name: "a StatefulSet's revisionHistoryLimit is not checked by the apiserver", manifests: [statefulSet((s) => { s.spec.revisionHistoryLimit = -1; })] },
    { name: "the defaults", manifests: [daemonSet(), replicationController()] },
  ],
  invalid: [
    {
      name: "a Deployment's negative counts",
      manifests: [deployment((d) => { d.spec.replicas = -1; d.spec.minReadySeconds = -5; d.spec.revisionHistoryLimit = -2; d.spec.progressDeadlineSeconds = -3; })],
      errors: [`spec.replicas: Invalid value: -1: ${NEGATIVE}`, `spec.minReadySeconds: Invalid value: -5: ${NEGATIVE}`, `spec.revisionHistoryLimit: Invalid value: -2: ${NEGATIVE}`, `spec.progressDeadlineSeconds: Invalid value: -3: ${NEGATIVE}`],
    },
    {
      name: "a StatefulSet's ordinals.start and partition",
      manifests: [statefulSet((s) => { s.spec.ordinals = { start: -1 }; s.spec.updateStrategy = { type: "RollingUpdate", rollingUpdate: { partition: -1 } }; })],
      errors: [`spec.ordinals.start: Invalid value: -1: ${NEGATIVE}`, `spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: ${NEGATIVE}`],
    },
    {
      name: "a DaemonSet's templateGeneration and revisionHistoryLimit",
      manifests: [daemonSet((d) => { d.metadata.annotations = { "deprecated.daemonset.template.generation": "-1" }; d.spec.revisionHistoryLimit = -1; })],
      errors: [`spec.templateGeneration: Invalid value: -1: ${NEGATIVE}`, `spec.revisionHistoryLimit: Invalid value: -1: ${NEGATIVE}`],
    },
    { name: "a ReplicaSet's replicas", manifests: [replicaSet((r) => { r.spec.replicas = -2; })], errors: [`spec.replicas: Invalid value: -2: ${NEGATIVE}`] },
    { name: "a ReplicationController's minReadySeconds", manifests: [replicationController((r) => { r.spec.minReadySeconds = -1; })], errors: [`spec.minReadySeconds: Invalid value: -1: ${NEGATIVE}`] },
  ],
});
