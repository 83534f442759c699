import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { isStandardQuotaResourceName } from "../../../support/core-resources.ts";
import { goStrings } from "../../../support/core-values.ts";
import { asArray, asObject, asString, type PlainObject } from "../../../support/values.ts";

const SCOPES: ReadonlySet<string> = new Set(["Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity"]);
const POD_COMPUTE: ReadonlySet<string> = new Set(["pods", "cpu", "memory", "limits.cpu", "limits.memory", "requests.cpu", "requests.memory"]);
const EXISTS_ONLY: ReadonlySet<string> = new Set(["BestEffort", "NotBestEffort", "Terminating", "NotTerminating", "CrossNamespacePodAffinity"]);
const CONFLICTS = [
  ["BestEffort", "NotBestEffort"],
  ["Terminating", "NotTerminating"],
] as const;

/** `IsResourceQuotaScopeValidForResource`. */
function scopeAppliesTo(scope: string, resource: string): boolean {
  if (scope === "BestEffort") return resource === "pods";
  if (SCOPES.has(scope)) return POD_COMPUTE.has(resource);
  return true;
}

/** Go's `%#v` of a `core.ScopeSelector`. */
function goScopeSelector(expressions: readonly PlainObject[]): string {
  const items = expressions.map((e) => {
    const values = asArray(e.values).filter((v): v is string => typeof v === "string");
    return `core.ScopedResourceSelectorRequirement{ScopeName:${JSON.stringify(asString(e.scopeName) ?? "")}, Operator:${JSON.stringify(asString(e.operator) ?? "")}, Values:${goStrings(values)}}`;
  });
  const list = items.length === 0 ? "[]core.ScopedResourceSelectorRequirement(nil)" : `[]core.ScopedResourceSelectorRequirement{${items.join(", ")}}`;
  return `core.ScopeSelector{MatchExpressions:${list}}`;
}

/**
 * A ResourceQuota's scopes (and scope selector expressions) are known scopes, apply to every standard resource it
 * limits (BestEffort only to pods; the others to pods and their compute resources), and do not conflict
 * (BestEffort with NotBestEffort, Terminating with NotTerminating); selector operators are In, NotIn, Exists or
 * DoesNotExist, with values exactly for In and NotIn, and Exists for every scope but PriorityClass.
 */
export const resourceQuotaScopes: ObjectRule = {
  id: "resource-quota-scopes",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "ResourceQuota scopes and scope selectors use known, non-conflicting scopes that apply to the quota's resources, with valid operators and values.",
  upstreamMessage: 'spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort"}: unsupported scope applied to resource',
  kinds: new Set(["ResourceQuota"]),
  check(object) {
    if (object.kind !== "ResourceQuota" || object.apiVersion !== "v1") return [];
    const spec = asObject(object.object.spec);
    if (spec === undefined) return [];
    const resources = Object.keys(asObject(spec.hard) ?? {}).sort();
    const scopes = asArray(spec.scopes).filter((s): s is string => typeof s === "string");
    const scopesValue = `Invalid value: ${goStrings(scopes, "core.ResourceQuotaScope")}`;
    const problems: RuleProblem[] = [];
    for (const scope of scopes) {
      if (!SCOPES.has(scope)) problems.push({ path: ["spec", "scopes"], message: `${scopesValue}: unsupported scope` });
      for (const resource of resources) {
        if (isStandardQuotaResourceName(resource) && !scopeAppliesTo(scope, resource)) problems.push({ path: ["spec", "scopes"], message: `${scopesValue}: unsupported scope applied to resource` });
      }
    }
    for (const [a, b] of CONFLICTS) if (scopes.includes(a) && scopes.includes(b)) problems.push({ path: ["spec", "scopes"], message: `${scopesValue}: conflicting scopes` });
    const selector = asObject(spec.scopeSelector);
    if (selector === undefined) return problems;
    const expressions = asArray(selector.matchExpressions).filter((e): e is PlainObject => asObject(e) !== undefined);
    const path = ["spec", "scopeSelector", "matchExpressions"];
    const selected = new Set<string>();
    for (const expression of expressions) {
      const scope = asString(expression.scopeName) ?? "";
      const operator = asString(expression.operator) ?? "";
      const values = asArray(expression.values).filter((v): v is string => typeof v === "string");
      if (!SCOPES.has(scope)) problems.push({ path: [...path, "scopeName"], message: invalid(scope, "unsupported scope") });
      for (const resource of resources) {
        if (isStandardQuotaResourceName(resource) && !scopeAppliesTo(scope, resource)) {
          problems.push({ path, message: `Invalid value: ${goScopeSelector(expressions)}: unsupported scope applied to resource` });
        }
      }
      if (EXISTS_ONLY.has(scope) && operator !== "Exists") {
        problems.push({
          path: [...path, "operator"],
          message: invalid(
            operator,
            "must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity",
          ),
        });
      }
      if (operator === "In" || operator === "NotIn") {
        if (values.length === 0) problems.push({ path: [...path, "values"], message: required("must be at least one value when `operator` is 'In' or 'NotIn' for scope selector") });
      } else if (operator === "Exists" || operator === "DoesNotExist") {
        if (values.length > 0) problems.push({ path: [...path, "values"], message: `Invalid value: ${goStrings(values)}: must be no value when \`operator\` is 'Exist' or 'DoesNotExist' for scope selector` });
      }
      selected.add(scope);
    }
    for (const [a, b] of CONFLICTS) if (selected.has(a) && selected.has(b)) problems.push({ path, message: `${scopesValue}: conflicting scopes` });
    return problems;
  },
};
