import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { decodeBase64, goJsonObjectError } from "../../../support/core-values.ts";
import { asObject, asString, at } from "../../../support/values.ts";

const SERVICE_ACCOUNT_NAME = "kubernetes.io/service-account.name";

/** A Secret's data after `stringData` is merged in: each key's bytes (Latin-1), `undefined` when not decodable. */
function mergedData(object: Readonly<Record<string, unknown>>): Map<string, string | undefined> {
  const data = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(asObject(object.data) ?? {})) data.set(name, typeof value === "string" ? decodeBase64(value) : "");
  for (const [name, value] of Object.entries(asObject(object.stringData) ?? {})) {
    let bytes = "";
    if (typeof value === "string") for (const byte of new TextEncoder().encode(value)) bytes += String.fromCharCode(byte);
    data.set(name, bytes);
  }
  return data;
}

/**
 * The built-in Secret types carry their keys: `kubernetes.io/tls` both `tls.crt` and `tls.key`,
 * `kubernetes.io/dockerconfigjson` a JSON `.dockerconfigjson`, `kubernetes.io/dockercfg` a JSON `.dockercfg`,
 * `kubernetes.io/basic-auth` a `username` or a `password`, `kubernetes.io/ssh-auth` a non-empty `ssh-privatekey`,
 * and `kubernetes.io/service-account-token` the service account name annotation.
 */
export const secretType: ObjectRule = {
  id: "secret-type",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Secrets of the built-in types carry the keys (or annotation) their type requires, and docker configs are JSON objects.",
  upstreamMessage: "data[tls.key]: Required value",
  kinds: new Set(["Secret"]),
  check(object) {
    if (object.kind !== "Secret" || object.apiVersion !== "v1") return [];
    const type = asString(object.object.type) ?? "Opaque";
    if (!type.startsWith("kubernetes.io/")) return [];
    const data = mergedData(object.object);
    const problems: RuleProblem[] = [];
    const requireKey = (name: string): void => {
      if (!data.has(name)) problems.push({ path: ["data", key(name)], message: required() });
    };
    const requireJson = (name: string): void => {
      if (!data.has(name)) return requireKey(name);
      const bytes = data.get(name);
      const error = bytes === undefined ? undefined : goJsonObjectError(bytes);
      if (error !== undefined) problems.push({ path: ["data", key(name)], message: invalid("<secret contents redacted>", error) });
    };
    switch (type) {
      case "kubernetes.io/service-account-token":
        if ((asString(at(object.object, "metadata", "annotations", SERVICE_ACCOUNT_NAME)) ?? "") === "") {
          problems.push({ path: ["metadata", "annotations", key(SERVICE_ACCOUNT_NAME)], message: required() });
        }
        break;
      case "kubernetes.io/dockercfg":
        requireJson(".dockercfg");
        break;
      case "kubernetes.io/dockerconfigjson":
        requireJson(".dockerconfigjson");
        break;
      case "kubernetes.io/basic-auth":
        if (!data.has("username") && !data.has("password")) {
          requireKey("username");
          requireKey("password");
        }
        break;
      case "kubernetes.io/ssh-auth":
        if (!data.has("ssh-privatekey") || data.get("ssh-privatekey") === "") problems.push({ path: ["data", key("ssh-privatekey")], message: required() });
        break;
      case "kubernetes.io/tls":
        requireKey("tls.crt");
        requireKey("tls.key");
        break;
      default:
        break;
    }
    return problems;
  },
};
