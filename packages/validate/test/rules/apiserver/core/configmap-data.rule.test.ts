import { configmapData } from "../../../../src/rules/apiserver/core/configmap-data.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { b64, configMap } from "./core-objects.ts";

const KEY_MESSAGE =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

ruleTable(configmapData, {
  valid: [
    { name: "file-like and env-like keys", manifests: [configMap({ data: { "app.properties": "a=1", LOG_LEVEL: "debug", "_x-y": "" }, binaryData: { "logo.png": b64("png") } })] },
    { name: "exactly 1 MiB", manifests: [configMap({ data: { big: "x".repeat(1024 * 1024) } })] },
    { name: "a dotted key that is not `..`-prefixed", manifests: [configMap({ data: { ".env": "A=1" } })] },
  ],
  invalid: [
    { name: "a key with a slash", manifests: [configMap({ data: { "conf/app.yaml": "" } })], errors: [`data[conf/app.yaml]: Invalid value: "conf/app.yaml": ${KEY_MESSAGE}`] },
    { name: "a `..` key in binaryData", manifests: [configMap({ binaryData: { "..data": b64("x") } })], errors: ['binaryData[..data]: Invalid value: "..data": must not start with \'..\''] },
    {
      name: "a `.` key",
      manifests: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: config, namespace: shop}\ndata:\n  ".": ""\n',
      errors: ["data[.]: Invalid value: \".\": must not be '.'"],
    },
    {
      name: "a key in both data and binaryData",
      manifests: [configMap({ data: { logo: "x" }, binaryData: { logo: b64("x") } })],
      errors: ['data[logo]: Invalid value: "logo": duplicate of key present in binaryData'],
    },
    {
      name: "more than 1 MiB across data and binaryData",
      manifests: [configMap({ data: { a: "x".repeat(1024 * 1024 - 1) }, binaryData: { b: b64("yy") } })],
      errors: ["Too long: must have at most 1048576 bytes"],
    },
  ],
});
