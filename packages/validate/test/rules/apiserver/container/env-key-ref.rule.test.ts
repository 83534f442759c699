import { envKeyRef } from "../../../../src/rules/apiserver/container/env-key-ref.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { withContainer } from "./helpers.ts";

const env = (valueFrom: object) => withContainer((c) => { c.env = [{ name: "A", valueFrom }]; });
const PATH = "spec.template.spec.containers[0].env[0].valueFrom";
const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

ruleTable(envKeyRef, {
  valid: [
    { name: "ConfigMap and Secret keys", manifests: [env({ configMapKeyRef: { name: "app.config", key: "log_level" } }), withContainer((c) => { c.env = [{ name: "B", valueFrom: { secretKeyRef: { name: "db", key: "PASSWORD.v1", optional: true } } }]; })] },
  ],
  invalid: [
    { name: "an empty key", manifests: [env({ secretKeyRef: { name: "db", key: "" } })], errors: [`${PATH}.secretKeyRef.key: Required value`] },
    { name: "no name (an empty name is not a subdomain)", manifests: [env({ configMapKeyRef: { key: "k" } })], errors: [`${PATH}.configMapKeyRef.name: Invalid value: "": ${SUBDOMAIN}`] },
    { name: "an upper-case name", manifests: [env({ secretKeyRef: { name: "DB", key: "k" } })], errors: [`${PATH}.secretKeyRef.name: Invalid value: "DB": ${SUBDOMAIN}`] },
    {
      name: "a key with a slash",
      manifests: [env({ configMapKeyRef: { name: "c", key: "conf/app" } })],
      errors: [`${PATH}.configMapKeyRef.key: Invalid value: "conf/app": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`],
    },
    { name: "a key starting with ..", manifests: [env({ secretKeyRef: { name: "s", key: "..data" } })], errors: [`${PATH}.secretKeyRef.key: Invalid value: "..data": must not start with '..'`] },
  ],
});
