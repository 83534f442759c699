import { envFieldRef } from "../../../../src/rules/apiserver/container/env-field-ref.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { withContainer } from "./helpers.ts";

const env = (...valueFroms: object[]) => withContainer((c) => { c.env = valueFroms.map((valueFrom, i) => ({ name: `V${i}`, valueFrom })); });
const field = (fieldPath: string, apiVersion?: string) => ({ fieldRef: { fieldPath, ...(apiVersion === undefined ? {} : { apiVersion }) } });
const resource = (r: string, divisor?: string) => ({ resourceFieldRef: { resource: r, ...(divisor === undefined ? {} : { divisor }) } });
const SUPPORTED = '"metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.podIP", "status.podIPs"';
const FIELD = "spec.template.spec.containers[0].env[0].valueFrom.fieldRef";
const RESOURCE = "spec.template.spec.containers[0].env[0].valueFrom.resourceFieldRef";

ruleTable(envFieldRef, {
  valid: [
    {
      name: "every pod field env vars may read",
      manifests: [env(...["metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.podIP", "status.podIPs"].map((p) => field(p, "v1")))],
    },
    { name: "labels and annotations by key, and the legacy spec.host", manifests: [env(field("metadata.labels['app.kubernetes.io/name']"), field("metadata.annotations['Example.com/Owner']"), field("spec.host"))] },
    { name: "status.hostIPs on Kubernetes 1.29 (PodHostIPs on by default)", versions: { kubernetes: "1.29" }, manifests: [env(field("status.hostIPs"))] },
    { name: "container resources with supported divisors", manifests: [env(resource("limits.cpu", "1m"), resource("requests.memory", "1Mi"), resource("limits.ephemeral-storage", "1Gi"), resource("requests.hugepages-2Mi", "1Ki"), resource("limits.memory", "1024Ki"))] },
  ],
  invalid: [
    { name: "a pod field env vars may not read", manifests: [env(field("status.phase"))], errors: [`${FIELD}.fieldPath: Unsupported value: "status.phase": supported values: ${SUPPORTED}`] },
    { name: "status.hostIPs on Kubernetes 1.28 (PodHostIPs alpha, off)", manifests: [env(field("status.hostIPs"))], errors: [`${FIELD}.fieldPath: Unsupported value: "status.hostIPs": supported values: ${SUPPORTED}`] },
    { name: "all labels, without a key", manifests: [env(field("metadata.labels"))], errors: [`${FIELD}.fieldPath: Unsupported value: "metadata.labels": supported values: ${SUPPORTED}`] },
    { name: "an unknown field", manifests: [env(field("spec.containers"))], errors: [`${FIELD}.fieldPath: Invalid value: "spec.containers": error converting fieldPath: field label not supported: spec.containers`] },
    { name: "a subscript on a field without keys", manifests: [env(field("spec.nodeName['x']"))], errors: [`${FIELD}.fieldPath: Invalid value: "spec.nodeName['x']": error converting fieldPath: field label does not support subscript: spec.nodeName['x']`] },
    { name: "another API version", manifests: [env(field("metadata.name", "v2"))], errors: [`${FIELD}.fieldPath: Invalid value: "metadata.name": error converting fieldPath: unsupported pod version: v2`] },
    { name: "an invalid label key (reported at fieldRef)", manifests: [env(field("metadata.labels['a/b/c']"))], errors: [`${FIELD}: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`] },
    { name: "an empty fieldPath", manifests: [env({ fieldRef: { apiVersion: "v1", fieldPath: "" } })], errors: [`${FIELD}.fieldPath: Required value`] },
    { name: "an unknown container resource", manifests: [env(resource("limits.gpu"))], errors: [`${RESOURCE}.resource: Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"`] },
    { name: "a cpu divisor of 1k", manifests: [env(resource("requests.cpu", "1k"))], errors: [`${RESOURCE}.divisor: Invalid value: "requests.cpu": only divisor's values 1m and 1 are supported with the cpu resource`] },
    { name: "a memory divisor of 2Mi", manifests: [env(resource("limits.memory", "2Mi"))], errors: [`${RESOURCE}.divisor: Invalid value: "limits.memory": only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource`] },
    { name: "an empty resource", manifests: [env({ resourceFieldRef: { containerName: "web", resource: "" } })], errors: [`${RESOURCE}.resource: Required value`] },
  ],
});
