import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isEnvVarName, required } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject } from "../../../support/values.ts";

/**
 * Environment variable names (and `envFrom` prefixes) follow Kubernetes 1.28's rule: letters, digits, '_', '-' and
 * '.', not starting with a digit, and not `.`, `..` or `..`-prefixed.
 */
export const envVarName: ObjectRule = {
  id: "env-var-name",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Environment variable names and envFrom prefixes are valid C-identifier-like names ([-._a-zA-Z][-._a-zA-Z0-9]*).",
  upstreamMessage:
    "spec.containers[0].env[0].name: Invalid value: \"1ST\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (…)",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      asArray(container.env).forEach((item, index) => {
        const name = asObject(item)?.name;
        const where = [...path, "env", index, "name"];
        if (name === undefined || name === "") problems.push({ path: where, message: required() });
        else if (typeof name === "string") for (const message of isEnvVarName(name)) problems.push({ path: where, message: invalid(name, message) });
      });
      asArray(container.envFrom).forEach((item, index) => {
        const prefix = asObject(item)?.prefix;
        if (typeof prefix !== "string" || prefix === "") return;
        for (const message of isEnvVarName(prefix)) problems.push({ path: [...path, "envFrom", index, "prefix"], message: invalid(prefix, message) });
      });
    }
    return problems;
  },
};
