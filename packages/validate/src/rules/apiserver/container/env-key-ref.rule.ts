import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isDns1123Subdomain, required } from "../../../support/apiserver-validation.ts";
import { isConfigMapKey } from "../../../support/core-values.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject } from "../../../support/values.ts";

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
  kinds: POD_SPEC_KINDS,
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
