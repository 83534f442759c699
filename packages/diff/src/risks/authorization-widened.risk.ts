import type { Manifest } from "../rendered-object.ts";
import { jsonEqual } from "../diff-values.ts";
import type { JsonValue } from "../field-change.ts";
import { at, deltaId, list, newValues, protectsAddedPods } from "./manifest-fields.ts";
import type { ObjectDelta, RiskFinding, RiskRule } from "./risk-rule.ts";

/** What an AuthorizationPolicy grants, flattened: its action, rules, and every principal, namespace and port named. */
interface Grants {
  readonly action: string;
  readonly rules: readonly unknown[];
  readonly sources: string[];
  readonly ports: string[];
  /** Rules with no `from`: any source matches. */
  readonly anySource: number;
}

function strings(value: unknown): string[] {
  return list(value).filter((v): v is string => typeof v === "string");
}

function grants(manifest: Manifest | undefined): Grants {
  const action = at(manifest, "spec", "action");
  const rules = list(at(manifest, "spec", "rules"));
  const sources: string[] = [];
  const ports: string[] = [];
  for (const rule of rules) {
    for (const from of list(at(rule, "from"))) {
      sources.push(...strings(at(from, "source", "principals")));
      sources.push(...strings(at(from, "source", "namespaces")).map((ns) => `namespace ${ns}`));
    }
    for (const to of list(at(rule, "to"))) ports.push(...strings(at(to, "operation", "ports")));
  }
  return {
    action: typeof action === "string" ? action : "ALLOW",
    rules,
    sources,
    ports,
    anySource: rules.filter((rule) => list(at(rule, "from")).length === 0).length,
  };
}

/** The sources (as written in `from`) of rules that limited operations with `to` before and no longer do. */
function unrestricted(before: readonly unknown[], after: readonly unknown[]): string[] {
  const sourcesOf = (rule: unknown) => JSON.stringify(at(rule, "from") ?? null);
  const limited = new Set(before.filter((rule) => list(at(rule, "to")).length > 0).map(sourcesOf));
  const stillLimited = new Set(after.filter((rule) => list(at(rule, "to")).length > 0).map(sourcesOf));
  return after
    .filter((rule) => list(at(rule, "to")).length === 0 && limited.has(sourcesOf(rule)) && !stillLimited.has(sourcesOf(rule)))
    .map((rule) => list(at(rule, "from")).flatMap((from) => strings(at(from, "source", "principals"))).join(", ") || "any source");
}

function widened(delta: ObjectDelta, deltas: readonly ObjectDelta[]): string[] {
  const before = grants(delta.before);
  const after = grants(delta.after);
  if (delta.change === "removed") {
    if (before.action === "DENY") return ["a DENY policy is deleted: its rules no longer apply"];
    if (before.action === "ALLOW" && before.rules.length === 0) return ["a deny-all policy is deleted"];
    return [];
  }
  if (protectsAddedPods(delta, at(delta.after, "spec", "selector"), deltas)) {
    // A new service's own policy: reviewed with the service.
    return after.action === "ALLOW" && after.anySource > 0 ? ["a new policy allows any source"] : [];
  }
  // An added policy for pods that already run opens them to its callers: compared with no grants at all.
  if (before.action !== after.action && delta.change === "changed") return [`action ${before.action} → ${after.action}`];
  const reasons: string[] = [];
  if (after.action === "DENY") {
    const removed = before.rules.filter((rule) => !after.rules.some((other) => jsonEqual(rule as JsonValue, other as JsonValue)));
    if (removed.length > 0) reasons.push(`${removed.length} deny rule${removed.length === 1 ? "" : "s"} removed`);
    return reasons;
  }
  if (after.action !== "ALLOW") return reasons;
  const sources = newValues(before.sources, after.sources);
  if (sources.length > 0) reasons.push(`new principals: ${sources.join(", ")}`);
  const ports = newValues(before.ports, after.ports);
  if (ports.length > 0) reasons.push(`new ports: ${ports.join(", ")}`);
  if (after.anySource > before.anySource) reasons.push("a rule allows any source");
  for (const sources of unrestricted(before.rules, after.rules)) reasons.push(`calls from ${sources} are no longer limited to operations`);
  return reasons.length === 0 ? [] : [reasons.join("; ")];
}

/**
 * An Istio AuthorizationPolicy that lets more through: new principals or namespaces, new ports, a rule without
 * `from` (any source), a rule that no longer limits operations, removed DENY rules, a deleted DENY or deny-all policy, or DENY turned into ALLOW. A new
 * policy for pods that already run (a first caller) counts as all new grants; a new service's own new policy is
 * reviewed with the service and only flagged when it allows any source. The reasons of one policy are one flag.
 */
export const authorizationWidened: RiskRule = {
  id: "authorization-widened",
  description: "An AuthorizationPolicy lets more callers or ports through, or loses deny rules.",
  check: ({ environments }) => {
    const out: RiskFinding[] = [];
    for (const { environment, deltas } of environments) {
      for (const delta of deltas) {
        if (delta.object.kind !== "AuthorizationPolicy" || !delta.object.apiVersion.startsWith("security.istio.io/")) continue;
        for (const reason of widened(delta, deltas)) out.push({ environment: environment.name, object: deltaId(delta), reason });
      }
    }
    return out;
  },
};
