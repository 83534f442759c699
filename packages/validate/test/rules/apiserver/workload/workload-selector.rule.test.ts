import { workloadSelector } from "../../../../src/rules/apiserver/workload/workload-selector.rule.ts";
import { deployment, statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { daemonSet, replicaSet, replicationController } from "./workload-fixtures.ts";

const labelsOfWeb = '{"app":"web","app.kubernetes.io/name":"web","version":"v1"}';

ruleTable(workloadSelector, {
  valid: [
    { name: "matchLabels within the template labels", manifests: [deployment(), statefulSet(), daemonSet(), replicaSet()] },
    { name: "matchExpressions", manifests: [deployment((d) => { d.spec.selector = { matchExpressions: [{ key: "app", operator: "In", values: ["web", "www"] }, { key: "canary", operator: "DoesNotExist" }] }; })] },
    { name: "a ReplicationController without a selector (it defaults to the template's labels)", manifests: [replicationController()] },
    { name: "a ReplicationController whose selector is a subset of the template's labels", manifests: [replicationController((r) => { r.spec.selector = { app: "legacy" }; r.spec.template.metadata.labels.tier = "x"; })] },
    { name: "a Job's selector is not a workload's (see job-selector)", manifests: [{ apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" }, spec: { selector: {}, template: { spec: { restartPolicy: "Never", containers: [{ name: "c", image: "c:1" }] } } } }] },
  ],
  invalid: [
    {
      name: "a selector the template does not match",
      manifests: [deployment((d) => { d.spec.selector.matchLabels.version = "v2"; })],
      errors: [`spec.template.metadata.labels: Invalid value: ${labelsOfWeb}: \`selector\` does not match template \`labels\``],
    },
    { name: "an empty Deployment selector", manifests: [deployment((d) => { d.spec.selector = {}; })], errors: ["spec.selector: Invalid value: {}: empty selector is invalid for deployment"] },
    { name: "an empty ReplicaSet selector (the apiserver's message says deployment)", manifests: [replicaSet((r) => { r.spec.selector = {}; })], errors: ["spec.selector: Invalid value: {}: empty selector is invalid for deployment"] },
    { name: "an empty StatefulSet selector", manifests: [statefulSet((s) => { s.spec.selector = { matchLabels: {} }; })], errors: ['spec.selector: Invalid value: {"matchLabels":{}}: empty selector is invalid for statefulset'] },
    { name: "an empty DaemonSet selector", manifests: [daemonSet((d) => { d.spec.selector = {}; })], errors: ["spec.selector: Invalid value: {}: empty selector is invalid for daemonset"] },
    {
      name: "a StatefulSet whose expression excludes its pods",
      manifests: [statefulSet((s) => { s.spec.selector = { matchExpressions: [{ key: "app", operator: "NotIn", values: ["db"] }] }; })],
      errors: ['spec.template.metadata.labels: Invalid value: {"app":"db"}: `selector` does not match template `labels`'],
    },
    {
      name: "a Deployment selector the apiserver cannot convert (In without values)",
      manifests: [deployment((d) => { d.spec.selector = { matchExpressions: [{ key: "app", operator: "In", values: [] }] }; })],
      errors: ['spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"In","values":[]}]}: invalid label selector'],
    },
    {
      name: "a StatefulSet selector with an unknown operator (the message has no detail)",
      manifests: [statefulSet((s) => { s.spec.selector = { matchExpressions: [{ key: "app", operator: "Equals", values: ["db"] }] }; })],
      errors: ['spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Equals","values":["db"]}]}'],
    },
    {
      name: "a DaemonSet that does not match",
      manifests: [daemonSet((d) => { d.spec.selector.matchLabels.app = "other"; })],
      errors: ['spec.template.metadata.labels: Invalid value: {"app":"agent"}: `selector` does not match template `labels`'],
    },
    {
      name: "a ReplicationController without selector or template labels",
      manifests: [replicationController((r) => { delete r.spec.template.metadata; })],
      errors: ["spec.selector: Required value"],
    },
    {
      name: "a ReplicationController whose selector the template does not match",
      manifests: [replicationController((r) => { r.spec.selector = { app: "other" }; })],
      errors: ['spec.template.metadata.labels: Invalid value: {"app":"legacy"}: `selector` does not match template `labels`'],
    },
  ],
});
