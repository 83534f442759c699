import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isDns1123Subdomain, maxLenError, required } from "../../../support/apiserver-validation.ts";
import { containersOf, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject } from "../../../support/values.ts";

const CONFIG_MAP_KEY_FMT = "[-._a-zA-Z0-9]+";
const CONFIG_MAP_KEY = new RegExp(`^${CONFIG_MAP_KEY_FMT}$`);

/** IsConfigMapKey: at most 253 letters, digits, '-', '_' and '.', not `.`, `..` or `..`-prefixed. */
function isConfigMapKey(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 253) errors.push(maxLenError(253));
  if (!CONFIG_MAP_KEY.test(value)) {
    errors.push(`a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '${CONFIG_MAP_KEY_FMT}')`);
  }
  if (value === ".") errors.push("must not be '.'");
  else if (value === "..") errors.push("must not be '..'");
  else if (value.startsWith("..")) errors.push("must not start with '..'");
  return errors;
}

/**
 * An env var read from a ConfigMap or Secret key names the object (a DNS-1123 subdomain: an empty name is rejected
 * too) and a valid key.
 */
export const envKeyRef: ObjectRule = {
  id: "env-key-ref",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Env var configMapKeyRef and secretKeyRef name a ConfigMap or Secret (a DNS-1123 subdomain) and a valid key.",
  upstreamMessage: "spec.containers[0].env[0].valueFrom.secretKeyRef.key: Required value",
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      asArray(container.env).forEach((item, index) => {
        const valueFrom = asObject(asObject(item)?.valueFrom);
        if (valueFrom === undefined) return;
        for (const source of ["configMapKeyRef", "secretKeyRef"]) {
          const ref = asObject(valueFrom[source]);
          if (ref === undefined) continue;
          const where = [...path, "env", index, "valueFrom", source];
          const name = typeof ref.name === "string" ? ref.name : "";
          for (const message of isDns1123Subdomain(name)) problems.push({ path: [...where, "name"], message: invalid(name, message) });
          const key = typeof ref.key === "string" ? ref.key : "";
          if (key === "") problems.push({ path: [...where, "key"], message: required() });
          else for (const message of isConfigMapKey(key)) problems.push({ path: [...where, "key"], message: invalid(key, message) });
        }
      });
    }
    return problems;
  },
};
