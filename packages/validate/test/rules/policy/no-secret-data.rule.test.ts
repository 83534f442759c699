import { noSecretData } from "../../../src/rules/policy/no-secret-data.rule.ts";
import { ruleTable } from "../rule-table.ts";

const secret = (fields: object) => ({ apiVersion: "v1", kind: "Secret", metadata: { name: "db", namespace: "shop" }, type: "Opaque", ...fields });

ruleTable(noSecretData, {
  valid: [
    { name: "a Secret without data (filled in by a controller)", manifests: [secret({})] },
    { name: "a ConfigMap's data", manifests: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "b" } }] },
    { name: "a reviewed exception", manifests: [{ ...secret({ stringData: { ca: "public certificate" } }), metadata: { name: "ca", annotations: { "cloudlab.io/allow-no-secret-data": "a public CA bundle, not a secret" } } }] },
  ],
  invalid: [
    {
      name: "data and stringData",
      manifests: [secret({ data: { password: "aHVudGVyMg==" }, stringData: { user: "admin" } })],
      errors: [
        "data: Forbidden: Secret data must not be committed to git; deliver it from a secret store (e.g. an ExternalSecret or a SealedSecret)",
        "stringData: Forbidden: Secret stringData must not be committed to git; deliver it from a secret store (e.g. an ExternalSecret or a SealedSecret)",
      ],
    },
  ],
});
