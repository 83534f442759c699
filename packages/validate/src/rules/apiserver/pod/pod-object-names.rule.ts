import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isDns1123Subdomain } from "../../../support/apiserver-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asString } from "../../../support/values.ts";

/**
 * The objects a pod spec names are named validly (DNS-1123 subdomains): its service account (`serviceAccountName`,
 * or the deprecated `serviceAccount` it is converted from), node, priority class and runtime class.
 */
export const podObjectNames: ObjectRule = {
  id: "pod-object-names",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A pod's serviceAccountName, nodeName, priorityClassName and runtimeClassName, when set, are DNS-1123 subdomains.",
  upstreamMessage:
    "spec.template.spec.serviceAccountName: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (…)",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    const names: [string, string | undefined][] = [
      ["serviceAccountName", asString(pod.spec.serviceAccountName) || asString(pod.spec.serviceAccount)],
      ["nodeName", asString(pod.spec.nodeName)],
      ["priorityClassName", asString(pod.spec.priorityClassName)],
    ];
    for (const [field, value] of names) {
      if (value === undefined || value === "") continue;
      for (const message of isDns1123Subdomain(value)) problems.push({ path: [...pod.path, field], message: invalid(value, message) });
    }
    const runtimeClass = asString(pod.spec.runtimeClassName);
    if (runtimeClass !== undefined) for (const message of isDns1123Subdomain(runtimeClass)) problems.push({ path: [...pod.path, "runtimeClassName"], message: invalid(runtimeClass, message) });
    return problems;
  },
};
