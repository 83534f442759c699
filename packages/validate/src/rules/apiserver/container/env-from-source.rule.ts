import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isDns1123Subdomain, required } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject } from "../../../support/values.ts";

/**
 * NameIsDNSSubdomain with `prefix`: the name may end in '-' (the apiserver masks a trailing dash, with the character
 * before it, by `a` before checking).
 */
function prefixNameErrors(name: string): string[] {
  const masked = name.length > 1 && name.endsWith("-") ? `${name.slice(0, -2)}a` : name;
  return isDns1123Subdomain(masked);
}

/**
 * Each `envFrom` entry names exactly one source, a ConfigMap or a Secret, by a name that is a DNS-1123 subdomain
 * (a trailing '-' is allowed: the name is checked as a prefix). The apiserver reports a missing or doubled source at
 * `envFrom`, without the entry's index.
 */
export const envFromSource: ObjectRule = {
  id: "env-from-source",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Each envFrom entry sets exactly one of configMapRef and secretRef, with a name.",
  upstreamMessage: 'spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      asArray(container.envFrom).forEach((item, index) => {
        const entry = asObject(item);
        if (entry === undefined) return;
        let sources = 0;
        for (const source of ["configMapRef", "secretRef"]) {
          const ref = asObject(entry[source]);
          if (ref === undefined) continue;
          sources++;
          const where = [...path, "envFrom", index, source, "name"];
          const name = typeof ref.name === "string" ? ref.name : "";
          if (name === "") problems.push({ path: where, message: required() });
          else for (const message of prefixNameErrors(name)) problems.push({ path: where, message: invalid(name, message) });
        }
        if (sources === 0) problems.push({ path: [...path, "envFrom"], message: invalid("", "must specify one of: `configMapRef` or `secretRef`") });
        else if (sources > 1) problems.push({ path: [...path, "envFrom"], message: invalid("", "may not have more than one field specified at a time") });
      });
    }
    return problems;
  },
};
