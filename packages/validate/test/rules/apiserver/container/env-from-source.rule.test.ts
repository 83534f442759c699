import { envFromSource } from "../../../../src/rules/apiserver/container/env-from-source.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { withContainer } from "./helpers.ts";

const envFrom = (...entries: object[]) => withContainer((c) => { c.envFrom = entries; });
const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

ruleTable(envFromSource, {
  valid: [
    { name: "a ConfigMap and a Secret, one per entry", manifests: [envFrom({ configMapRef: { name: "app" } }, { secretRef: { name: "db", optional: true }, prefix: "DB_" })] },
    { name: "a name ending in '-' (checked as a prefix)", manifests: [envFrom({ configMapRef: { name: "app-" } })] },
  ],
  invalid: [
    { name: "neither source (reported at envFrom, without the index)", manifests: [envFrom({ prefix: "X_" })], errors: ['spec.template.spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`'] },
    { name: "both sources in one entry", manifests: [envFrom({ configMapRef: { name: "a" }, secretRef: { name: "b" } })], errors: ['spec.template.spec.containers[0].envFrom: Invalid value: "": may not have more than one field specified at a time'] },
    { name: "a source without a name", manifests: [envFrom({ secretRef: {} })], errors: ["spec.template.spec.containers[0].envFrom[0].secretRef.name: Required value"] },
    { name: "an invalid name", manifests: [envFrom({ configMapRef: { name: "App_Config" } })], errors: [`spec.template.spec.containers[0].envFrom[0].configMapRef.name: Invalid value: "App_Config": ${SUBDOMAIN}`] },
  ],
});
