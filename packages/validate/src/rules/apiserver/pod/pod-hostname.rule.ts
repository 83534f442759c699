import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isDns1123Label } from "../../../support/apiserver-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asString } from "../../../support/values.ts";

/** A pod's `hostname` and `subdomain`, when set, are DNS-1123 labels. */
export const podHostname: ObjectRule = {
  id: "pod-hostname",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A pod's hostname and subdomain, when set, are DNS-1123 labels.",
  upstreamMessage:
    "spec.template.spec.hostname: Invalid value: \"web.example\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (…)",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const field of ["hostname", "subdomain"]) {
      const value = asString(pod.spec[field]) ?? "";
      if (value !== "") for (const message of isDns1123Label(value)) problems.push({ path: [...pod.path, field], message: invalid(value, message) });
    }
    return problems;
  },
};
