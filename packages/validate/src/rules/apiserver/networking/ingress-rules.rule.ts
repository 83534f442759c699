import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { invalid, isDns1123Subdomain, isWildcardDns1123Subdomain, required } from "../../../support/apiserver-validation.ts";
import { parseIpSloppy } from "../../../support/ip-address.ts";
import { asArray, asObject, asString } from "../../../support/values.ts";

const INVALID_SEQUENCES = ["//", "/./", "/../", "%2f", "%2F"];
const INVALID_SUFFIXES = ["/..", "/."];

/** validateHTTPIngressPath's path checks (an unknown or missing pathType is the schema's to report). */
function pathProblems(entry: unknown, path: FieldPath, problems: RuleProblem[]): void {
  const object = asObject(entry);
  const pathType = object?.pathType;
  const value = asString(object?.path) ?? "";
  const where = [...path, "path"];
  if (pathType === "Exact" || pathType === "Prefix") {
    if (!value.startsWith("/")) problems.push({ path: where, message: invalid(value, "must be an absolute path") });
    for (const sequence of INVALID_SEQUENCES) if (value.includes(sequence)) problems.push({ path: where, message: invalid(value, `must not contain '${sequence}'`) });
    for (const suffix of INVALID_SUFFIXES) if (value.endsWith(suffix)) problems.push({ path: where, message: invalid(value, `cannot end with '${suffix}'`) });
  } else if (pathType === "ImplementationSpecific" && value !== "" && !value.startsWith("/")) {
    problems.push({ path: where, message: invalid(value, "must be an absolute path") });
  }
}

/** validateIngressRules: the host, then the HTTP paths. */
function ruleProblems(rule: unknown, path: FieldPath, problems: RuleProblem[]): void {
  const object = asObject(rule);
  const host = asString(object?.host) ?? "";
  if (host !== "") {
    const where = [...path, "host"];
    if (parseIpSloppy(host) !== undefined) problems.push({ path: where, message: invalid(host, "must be a DNS name, not an IP address") });
    const messages = host.includes("*") ? isWildcardDns1123Subdomain(host) : isDns1123Subdomain(host);
    for (const message of messages) problems.push({ path: where, message: invalid(host, message) });
  }
  const http = asObject(object?.http);
  if (http === undefined) return;
  const paths = asArray(http.paths);
  if (paths.length === 0) problems.push({ path: [...path, "http", "paths"], message: required() });
  paths.forEach((entry, index) => pathProblems(entry, [...path, "http", "paths", index], problems));
}

/**
 * An Ingress has a default backend or rules; a rule's host is a DNS-1123 subdomain (or `*.` and one), not an IP
 * address; an HTTP rule lists paths; `Exact` and `Prefix` paths are absolute and free of `//`, `/./`, `/../`, `%2f` and
 * a trailing `/.` or `/..`; `ImplementationSpecific` paths are empty or absolute. Backends: `ingress-backend`.
 */
export const ingressRules: ObjectRule = {
  id: "ingress-rules",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "An Ingress has a defaultBackend or rules; rule hosts are DNS names (optionally wildcard), not IPs; HTTP rules have paths that are absolute and well-formed for their pathType.",
  upstreamMessage: 'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
  kinds: new Set(["Ingress"]),
  check(object) {
    if (object.kind !== "Ingress" || apiGroup(object.apiVersion) !== "networking.k8s.io") return [];
    const spec = asObject(object.object.spec) ?? {};
    const rules = asArray(spec.rules);
    const problems: RuleProblem[] = [];
    if (rules.length === 0 && (spec.defaultBackend === undefined || spec.defaultBackend === null)) {
      problems.push({ path: ["spec"], message: invalid(spec.rules ?? null, "either `defaultBackend` or `rules` must be specified") });
    }
    rules.forEach((rule, index) => ruleProblems(rule, ["spec", "rules", index], problems));
    return problems;
  },
};
