import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { emptyValueProblem, ipsProblems, pathTemplateProblem, portsProblems } from "../../../support/istio/security.ts";
import { asArray, asObject, isSet, type PlainObject } from "../../../support/values.ts";

const SOURCE_FIELDS: readonly (readonly [string, string])[] = [
  ["principals", "Principals"],
  ["requestPrincipals", "RequestPrincipals"],
  ["namespaces", "Namespaces"],
  ["ipBlocks", "IpBlocks"],
  ["remoteIpBlocks", "RemoteIpBlocks"],
  ["notPrincipals", "NotPrincipals"],
  ["notRequestPrincipals", "NotRequestPrincipals"],
  ["notNamespaces", "NotNamespaces"],
  ["notIpBlocks", "NotIpBlocks"],
  ["notRemoteIpBlocks", "NotRemoteIpBlocks"],
];
const OPERATION_FIELDS: readonly (readonly [string, string])[] = [
  ["ports", "Ports"],
  ["methods", "Methods"],
  ["paths", "Paths"],
  ["hosts", "Hosts"],
  ["notPorts", "NotPorts"],
  ["notMethods", "NotMethods"],
  ["notPaths", "NotPaths"],
  ["notHosts", "NotHosts"],
];

function checkSource(source: PlainObject, path: FieldPath, rule: number, prefix: string, problems: Problems): void {
  if (SOURCE_FIELDS.every(([field]) => asArray(source[field]).length === 0)) problems.add(path, `${prefix}\`from.source\` must not be empty, found at rule ${rule}`);
  for (const field of ["ipBlocks", "notIpBlocks", "remoteIpBlocks", "notRemoteIpBlocks"]) {
    for (const { index, message } of ipsProblems(asArray(source[field]))) problems.add([...path, field, index], `${prefix}${message}`);
  }
  for (const [field, name] of SOURCE_FIELDS) problems.add([...path, field], prefixed(prefix, emptyValueProblem(name, asArray(source[field]))));
}

function checkOperation(operation: PlainObject, path: FieldPath, rule: number, prefix: string, problems: Problems): void {
  if (OPERATION_FIELDS.every(([field]) => asArray(operation[field]).length === 0)) problems.add(path, `${prefix}\`to.operation\` must not be empty, found at rule ${rule}`);
  for (const field of ["ports", "notPorts"]) {
    for (const { index, message } of portsProblems(asArray(operation[field]))) problems.add([...path, field, index], `${prefix}${message}`);
  }
  for (const [field, name] of OPERATION_FIELDS) problems.add([...path, field], prefixed(prefix, emptyValueProblem(name, asArray(operation[field]))));
  for (const [field, name] of [["paths", "Paths"], ["notPaths", "NotPaths"]] as const) problems.add([...path, field], prefixed(prefix, pathTemplateProblem(name, asArray(operation[field]))));
}

function prefixed(prefix: string, message: string | undefined): string | undefined {
  return message === undefined ? undefined : `${prefix}${message}`;
}

/**
 * istiod's rule shape checks of an AuthorizationPolicy: `from` and `to` are absent or non-empty; each entry has a
 * non-empty `source` or `operation`; values are non-empty strings; IP blocks are IPs or CIDR blocks; ports are
 * numbers up to 65535; path templates use only `{*}` and `{**}` as whole segments.
 */
export const authorizationPolicyRules: ObjectRule = {
  id: "authorization-policy-rules",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "AuthorizationPolicy rules have non-empty `from` sources and `to` operations with non-empty values, valid IP blocks and ports, and supported path templates.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: invalid policy web.shop: `from.source` must not be empty, found at rule 0',
  kinds: new Set(["AuthorizationPolicy"]),
  check(object) {
    const spec = istioSpec(object, "security.istio.io", "AuthorizationPolicy");
    if (spec === undefined) return [];
    const problems = new Problems();
    const prefix = `invalid policy ${object.name}.${object.namespace ?? ""}: `;
    for (const [i, entry] of asArray(spec.rules).entries()) {
      const rulePath: FieldPath = ["spec", "rules", i];
      if (entry === null) {
        problems.add(rulePath, `${prefix}\`rule\` must not be nil, found at rule ${i}`);
        continue;
      }
      const rule = asObject(entry) ?? {};
      for (const [section, child, name] of [["from", "source", "from.source"], ["to", "operation", "to.operation"]] as const) {
        if (isSet(rule[section]) && asArray(rule[section]).length === 0) problems.add([...rulePath, section], `${prefix}\`${section}\` must not be empty, found at rule ${i}`);
        for (const [j, item] of asArray(rule[section]).entries()) {
          const itemPath = [...rulePath, section, j];
          const value = asObject(asObject(item)?.[child]);
          if (item === null) problems.add(itemPath, `${prefix}\`${section}\` must not be nil, found at rule ${i}`);
          else if (value === undefined) problems.add(itemPath, `${prefix}\`${name}\` must not be nil, found at rule ${i}`);
          else if (section === "from") checkSource(value, [...itemPath, child], i, prefix, problems);
          else checkOperation(value, [...itemPath, child], i, prefix, problems);
        }
      }
    }
    return problems.list;
  },
};
