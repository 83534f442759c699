import { volumeItems } from "../../../../src/rules/apiserver/pod/volume-items.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, withVolumes } from "./pod-fixtures.ts";

const V = `${SPEC}.volumes[0]`;
const one = (source: object) => [withVolumes([{ name: "v", ...source }])];

ruleTable(volumeItems, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    {
      name: "configMap and secret items with relative paths and modes",
      manifests: one({ configMap: { name: "web", defaultMode: 0o644, items: [{ key: "app.conf", path: "conf/app.conf", mode: 0o400 }, { key: "..data", path: "data..v1" }] } }),
    },
    { name: "a defaultMode of 0777 and 0", manifests: [withVolumes([{ name: "a", secret: { secretName: "s", defaultMode: 0o777 } }, { name: "b", secret: { secretName: "s", defaultMode: 0 } }])] },
    {
      name: "a downward API volume (Istio's podinfo)",
      manifests: one({
        downwardAPI: {
          items: [
            { path: "labels", fieldRef: { fieldPath: "metadata.labels" } },
            { path: "annotations", fieldRef: { apiVersion: "v1", fieldPath: "metadata.annotations" } },
            { path: "app", fieldRef: { fieldPath: "metadata.labels['app.kubernetes.io/name']" } },
            { path: "cpu-limit", resourceFieldRef: { containerName: "web", resource: "limits.cpu", divisor: "1m" } },
            { path: "hugepages", resourceFieldRef: { containerName: "web", resource: "requests.hugepages-2Mi" } },
          ],
        },
      }),
    },
    {
      name: "a projected volume (Istio's token and root certificate)",
      manifests: one({
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { audience: "istio-ca", expirationSeconds: 43200, path: "istio-token" } },
            { configMap: { name: "istio-ca-root-cert", items: [{ key: "root-cert.pem", path: "root-cert.pem" }] } },
            { downwardAPI: { items: [{ path: "name", fieldRef: { fieldPath: "metadata.name" } }] } },
            { serviceAccountToken: { path: "token" } },
          ],
        },
      }),
    },
  ],
  invalid: [
    { name: "a defaultMode above 0777", manifests: one({ configMap: { name: "web", defaultMode: 511 + 1 } }), errors: [`${V}.configMap.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive`] },
    { name: "a negative item mode", manifests: one({ secret: { secretName: "s", items: [{ key: "k", path: "p", mode: -1 }] } }), errors: [`${V}.secret.items[0].mode: Invalid value: -1: must be a number between 0 and 0777 (octal), both inclusive`] },
    { name: "an item path with '..'", manifests: one({ configMap: { name: "web", items: [{ key: "k", path: "../etc/passwd" }] } }), errors: [`${V}.configMap.items[0].path: Invalid value: "../etc/passwd": must not contain '..'`] },
    { name: "an absolute item path", manifests: one({ secret: { secretName: "s", items: [{ key: "k", path: "/etc/k" }] } }), errors: [`${V}.secret.items[0].path: Invalid value: "/etc/k": must be a relative path`] },
    { name: "an item path starting with '..'", manifests: one({ secret: { secretName: "s", items: [{ key: "k", path: "..data" }] } }), errors: [`${V}.secret.items[0].path: Invalid value: "..data": must not start with '..'`] },
    { name: "an item with empty key and path", manifests: one({ configMap: { name: "web", items: [{ key: "", path: "" }] } }), errors: [`${V}.configMap.items[0].key: Required value`, `${V}.configMap.items[0].path: Required value`] },
    {
      name: "a downward API file of an unsupported pod field (reported at the source, not the item)",
      manifests: one({ downwardAPI: { items: [{ path: "node", fieldRef: { fieldPath: "spec.nodeName" } }] } }),
      errors: [`${V}.downwardAPI.fieldRef.fieldPath: Unsupported value: "spec.nodeName": supported values: "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"`],
    },
    {
      name: "a downward API file of an unknown field",
      manifests: one({ downwardAPI: { items: [{ path: "x", fieldRef: { fieldPath: "metadata.generation" } }] } }),
      errors: [`${V}.downwardAPI.fieldRef.fieldPath: Invalid value: "metadata.generation": error converting fieldPath: field label not supported: metadata.generation`],
    },
    {
      name: "a downward API file with a wrong apiVersion",
      manifests: one({ downwardAPI: { items: [{ path: "x", fieldRef: { apiVersion: "v2", fieldPath: "metadata.name" } }] } }),
      errors: [`${V}.downwardAPI.fieldRef.fieldPath: Invalid value: "metadata.name": error converting fieldPath: unsupported pod version: v2`],
    },
    {
      name: "a downward API file with both references",
      manifests: one({ downwardAPI: { items: [{ path: "x", fieldRef: { fieldPath: "metadata.name" }, resourceFieldRef: { containerName: "web", resource: "limits.cpu" } }] } }),
      errors: [`${V}.downwardAPI: Invalid value: "resource": fieldRef and resourceFieldRef can not be specified simultaneously`],
    },
    { name: "a downward API file with no reference", manifests: one({ downwardAPI: { items: [{ path: "x" }] } }), errors: [`${V}.downwardAPI: Required value: one of fieldRef and resourceFieldRef is required`] },
    {
      name: "a downward API resource without a container name",
      manifests: one({ downwardAPI: { items: [{ path: "x", resourceFieldRef: { resource: "limits.cpu" } }] } }),
      errors: [`${V}.downwardAPI.resourceFieldRef.containerName: Required value`],
    },
    {
      name: "a downward API resource that is not a container resource",
      manifests: one({ downwardAPI: { items: [{ path: "x", resourceFieldRef: { containerName: "web", resource: "limits.gpu" } }] } }),
      errors: [`${V}.downwardAPI.resourceFieldRef.resource: Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"`],
    },
    {
      name: "a projected entry with two sources",
      manifests: one({ projected: { sources: [{ secret: { name: "a" }, configMap: { name: "b" } }] } }),
      errors: [`${V}.projected.sources[0]: Forbidden: may not specify more than 1 volume type per source`],
    },
    {
      name: "projected items with one path twice",
      manifests: one({ projected: { sources: [{ secret: { name: "a", items: [{ key: "k", path: "same" }] } }, { configMap: { name: "b", items: [{ key: "k", path: "same" }] } }] } }),
      errors: [`${V}.projected: Invalid value: "b": conflicting duplicate paths`],
    },
    {
      name: "a service account token of 5 minutes",
      manifests: one({ projected: { sources: [{ serviceAccountToken: { expirationSeconds: 300, path: "token" } }] } }),
      errors: [`${V}.projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes`],
    },
    {
      name: "a service account token without a path (reported at projected.path)",
      manifests: one({ projected: { sources: [{ serviceAccountToken: { path: "" } }] } }),
      errors: [`${V}.projected.path: Required value`],
    },
    { name: "a projected secret without a name", manifests: one({ projected: { sources: [{ secret: { items: [] } }] } }), errors: [`${V}.projected.sources[0].secret.name: Required value`] },
  ],
});
