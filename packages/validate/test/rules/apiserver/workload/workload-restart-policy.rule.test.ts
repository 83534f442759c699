import { workloadRestartPolicy } from "../../../../src/rules/apiserver/workload/workload-restart-policy.rule.ts";
import { deployment, statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { daemonSet, replicaSet, replicationController } from "./workload-fixtures.ts";

ruleTable(workloadRestartPolicy, {
  valid: [
    { name: "unset (defaults to Always)", manifests: [deployment(), statefulSet(), daemonSet(), replicaSet(), replicationController()] },
    { name: "Always", manifests: [deployment((d) => { d.spec.template.spec.restartPolicy = "Always"; })] },
    { name: "a Job's OnFailure is not judged here (see job-restart-policy)", manifests: [{ apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" }, spec: { template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "c", image: "c:1" }] } } } }] },
  ],
  invalid: [
    { name: "a Deployment with OnFailure", manifests: [deployment((d) => { d.spec.template.spec.restartPolicy = "OnFailure"; })], errors: ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'] },
    { name: "a StatefulSet with Never", manifests: [statefulSet((s) => { s.spec.template.spec.restartPolicy = "Never"; })], errors: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'] },
    { name: "a DaemonSet with Never", manifests: [daemonSet((d) => { d.spec.template.spec.restartPolicy = "Never"; })], errors: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'] },
    { name: "a ReplicationController with OnFailure", manifests: [replicationController((r) => { r.spec.template.spec.restartPolicy = "OnFailure"; })], errors: ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'] },
  ],
});
