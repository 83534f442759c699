import { secretData } from "../../../../src/rules/apiserver/core/secret-data.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { b64, secret } from "./core-objects.ts";

const KEY_MESSAGE =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

ruleTable(secretData, {
  valid: [
    { name: "data and stringData with valid keys", manifests: [secret({ data: { "tls.crt": b64("cert") }, stringData: { PASSWORD: "s3cret" } })] },
    { name: "a stringData key that overrides a data key", manifests: [secret({ data: { token: b64("a") }, stringData: { token: "b" } })] },
  ],
  invalid: [
    { name: "a data key with a slash", manifests: [secret({ data: { ".ssh/id_rsa": b64("key") } })], errors: [`data[.ssh/id_rsa]: Invalid value: ".ssh/id_rsa": ${KEY_MESSAGE}`] },
    { name: "a stringData key is reported under data", manifests: [secret({ stringData: { "my key": "x" } })], errors: [`data[my key]: Invalid value: "my key": ${KEY_MESSAGE}`] },
    { name: "more than 1 MiB", manifests: [secret({ stringData: { a: "x".repeat(1024 * 1024) }, data: { b: b64("y") } })], errors: ["data: Too long: must have at most 1048576 bytes"] },
  ],
});
