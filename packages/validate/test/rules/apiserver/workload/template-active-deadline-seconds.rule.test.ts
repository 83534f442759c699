import { templateActiveDeadlineSeconds } from "../../../../src/rules/apiserver/workload/template-active-deadline-seconds.rule.ts";
import { deployment, statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { daemonSet, replicaSet, replicationController } from "./workload-fixtures.ts";

ruleTable(templateActiveDeadlineSeconds, {
  valid: [
    { name: "no deadline", manifests: [deployment(), statefulSet(), daemonSet(), replicaSet(), replicationController()] },
    { name: "a Job's pods may have a deadline", manifests: [{ apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" }, spec: { template: { spec: { activeDeadlineSeconds: 60, restartPolicy: "Never", containers: [{ name: "c", image: "c:1" }] } } } }] },
  ],
  invalid: [
    { name: "a Deployment (validated as a ReplicaSet's template)", manifests: [deployment((d) => { d.spec.template.spec.activeDeadlineSeconds = 60; })], errors: ["spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported"] },
    { name: "a StatefulSet", manifests: [statefulSet((s) => { s.spec.template.spec.activeDeadlineSeconds = 60; })], errors: ["spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported"] },
    { name: "a DaemonSet", manifests: [daemonSet((d) => { d.spec.template.spec.activeDeadlineSeconds = 0; })], errors: ["spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported"] },
    { name: "a ReplicationController", manifests: [replicationController((r) => { r.spec.template.spec.activeDeadlineSeconds = 5; })], errors: ["spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported"] },
  ],
});
