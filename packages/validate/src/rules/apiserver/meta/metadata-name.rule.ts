import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isDns1035Label, isDns1123Label, isDns1123Subdomain, isValidPathSegmentName, required } from "../../../support/apiserver-validation.ts";
import { asObject, asString } from "../../../support/values.ts";

/** The name check of each kind whose names are not DNS-1123 subdomains (the apiserver's `ValidateNameFunc`s). */
function nameCheck(group: string, kind: string): (name: string) => string[] {
  if (group === "" && kind === "Service") return isDns1035Label;
  if (group === "" && kind === "Namespace") return isDns1123Label;
  // Since 1.27 (a dotted name cannot become its pods' hostnames).
  if (group === "apps" && kind === "StatefulSet") return isDns1123Label;
  if (group === "rbac.authorization.k8s.io") return isValidPathSegmentName;
  return isDns1123Subdomain;
}

/**
 * `metadata.name` and `metadata.namespace` have the form the apiserver requires of the kind: a DNS-1123 subdomain by
 * default, a DNS-1035 label for a Service, a DNS-1123 label for a Namespace or a StatefulSet, a path segment for RBAC objects; a
 * CronJob's name fits in 52 characters (its Jobs append 11).
 */
export const metadataName: ObjectRule = {
  id: "metadata-name",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description:
    "Object names are DNS-1123 subdomains (Service: DNS-1035 label, Namespace and StatefulSet: DNS-1123 label, RBAC: path segment; CronJob at most 52 characters) and namespaces DNS-1123 labels.",
  upstreamMessage:
    "metadata.name: Invalid value: \"Web_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (…)",
  check(object) {
    if (object.kind.endsWith("List") && Array.isArray(object.raw.items)) return [];
    const metadata = asObject(object.raw.metadata);
    const name = metadata?.name;
    const problems: RuleProblem[] = [];
    if ((name === undefined || name === "") && (metadata?.generateName === undefined || metadata.generateName === "")) {
      problems.push({ path: ["metadata", "name"], message: required("name or generateName is required") });
    }
    if (typeof name === "string" && name !== "") {
      for (const message of nameCheck(apiGroup(object.apiVersion), object.kind)(name)) problems.push({ path: ["metadata", "name"], message: invalid(name, message) });
      if (apiGroup(object.apiVersion) === "batch" && object.kind === "CronJob" && name.length > 52) {
        problems.push({ path: ["metadata", "name"], message: invalid(name, "must be no more than 52 characters") });
      }
    }
    const namespace = asString(metadata?.namespace);
    if (namespace !== undefined && namespace !== "") {
      for (const message of isDns1123Label(namespace)) problems.push({ path: ["metadata", "namespace"], message: invalid(namespace, message) });
    }
    return problems;
  },
};
