import { secretType } from "../../../../src/rules/apiserver/core/secret-type.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { b64, secret } from "./core-objects.ts";

const REDACTED = 'Invalid value: "<secret contents redacted>"';

ruleTable(secretType, {
  valid: [
    { name: "an Opaque Secret with anything", manifests: [secret({ type: "Opaque", stringData: {} })] },
    { name: "a custom type", manifests: [secret({ type: "example.com/api-key", stringData: { key: "x" } })] },
    { name: "a TLS Secret (keys from stringData count)", manifests: [secret({ type: "kubernetes.io/tls", data: { "tls.crt": b64("c") }, stringData: { "tls.key": "k" } })] },
    { name: "a docker config JSON", manifests: [secret({ type: "kubernetes.io/dockerconfigjson", stringData: { ".dockerconfigjson": '{"auths":{"r.example":{"auth":"eDp5"}}}' } })] },
    { name: "a docker config that is JSON null (decodes to an empty map)", manifests: [secret({ type: "kubernetes.io/dockercfg", data: { ".dockercfg": b64("null") } })] },
    { name: "basic auth with only a username (may be empty)", manifests: [secret({ type: "kubernetes.io/basic-auth", stringData: { username: "" } })] },
    { name: "ssh auth", manifests: [secret({ type: "kubernetes.io/ssh-auth", stringData: { "ssh-privatekey": "-----BEGIN-----" } })] },
    { name: "a service account token with its annotation", manifests: [secret({ type: "kubernetes.io/service-account-token" }, { annotations: { "kubernetes.io/service-account.name": "web" } })] },
  ],
  invalid: [
    { name: "TLS without a key", manifests: [secret({ type: "kubernetes.io/tls", data: { "tls.crt": b64("c") } })], errors: ["data[tls.key]: Required value"] },
    { name: "TLS without anything", manifests: [secret({ type: "kubernetes.io/tls" })], errors: ["data[tls.crt]: Required value", "data[tls.key]: Required value"] },
    { name: "dockerconfigjson without its key", manifests: [secret({ type: "kubernetes.io/dockerconfigjson", data: { config: b64("{}") } })], errors: ["data[.dockerconfigjson]: Required value"] },
    {
      name: "dockerconfigjson that is not JSON",
      manifests: [secret({ type: "kubernetes.io/dockerconfigjson", stringData: { ".dockerconfigjson": "auths: {}" } })],
      errors: [`data[.dockerconfigjson]: ${REDACTED}: invalid character 'a' looking for beginning of value`],
    },
    {
      name: "dockercfg that is a JSON array",
      manifests: [secret({ type: "kubernetes.io/dockercfg", data: { ".dockercfg": b64("[]") } })],
      errors: [`data[.dockercfg]: ${REDACTED}: json: cannot unmarshal array into Go value of type map[string]interface {}`],
    },
    {
      name: "dockerconfigjson cut short",
      manifests: [secret({ type: "kubernetes.io/dockerconfigjson", stringData: { ".dockerconfigjson": '{"auths": {' } })],
      errors: [`data[.dockerconfigjson]: ${REDACTED}: unexpected end of JSON input`],
    },
    {
      name: "dockerconfigjson with a trailing comma",
      manifests: [secret({ type: "kubernetes.io/dockerconfigjson", stringData: { ".dockerconfigjson": '{"auths": {},}' } })],
      errors: [`data[.dockerconfigjson]: ${REDACTED}: invalid character '}' looking for beginning of object key string`],
    },
    { name: "basic auth without username or password", manifests: [secret({ type: "kubernetes.io/basic-auth", stringData: { user: "x" } })], errors: ["data[password]: Required value", "data[username]: Required value"] },
    { name: "ssh auth with an empty key", manifests: [secret({ type: "kubernetes.io/ssh-auth", stringData: { "ssh-privatekey": "" } })], errors: ["data[ssh-privatekey]: Required value"] },
    {
      name: "a service account token without its annotation",
      manifests: [secret({ type: "kubernetes.io/service-account-token" })],
      errors: ["metadata.annotations[kubernetes.io/service-account.name]: Required value"],
    },
  ],
});
