import { parseQuantity } from "@cloudlab/model";
import type { ObservedUsage } from "../usage-hints.ts";
import { at, containersOf, deltaId } from "./manifest-fields.ts";
import type { ObjectDelta, RiskFinding, RiskSettings, RiskRule } from "./risk-rule.ts";
import type { EnvironmentInfo } from "../environment-info.ts";

const FIELDS = [
  ["requests", "cpu"],
  ["requests", "memory"],
  ["limits", "cpu"],
  ["limits", "memory"],
] as const;

function quantity(value: unknown): number | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  try {
    return parseQuantity(String(value));
  } catch {
    return undefined;
  }
}

function lowered(delta: ObjectDelta, environment: EnvironmentInfo, settings: RiskSettings): string[] {
  const reasons: string[] = [];
  const before = new Map(containersOf(delta.before).map((c) => [c.name, c]));
  const hintsOf = settings.usageHints[environment.name] ?? {};
  const workload = `${delta.object.namespace ?? ""}/${delta.object.name}`;
  for (const container of containersOf(delta.after)) {
    const old = before.get(container.name);
    if (old === undefined) continue;
    const hint: ObservedUsage | undefined = hintsOf[`${workload}/${container.name}`];
    for (const [kind, resource] of FIELDS) {
      const oldText = at(old.resources, kind, resource);
      const newText = at(container.resources, kind, resource);
      const oldValue = quantity(oldText);
      const newValue = quantity(newText);
      if (oldValue === undefined || newValue === undefined || newValue >= oldValue) continue;
      const change = `container ${container.name}: ${kind}.${resource} lowered from ${String(oldText)} to ${String(newText)}`;
      const observed = hint?.[resource];
      if (observed !== undefined) {
        if (newValue < quantity(observed)!) reasons.push(`${change}, below the observed usage ${observed}`);
      } else if (environment.stage === "prod" && kind === "requests") {
        reasons.push(`${change} in production (no usage hint)`);
      }
    }
  }
  return reasons;
}

/**
 * Resources lowered below what the container was seen to use. Usage hints come from a file of observed usage
 * (`cloudlab diff --usage-hints FILE`, see `UsageHints`): a request or limit lowered below its hint is flagged in any
 * environment. A container without a hint falls back to a coarser rule: requests lowered in production.
 */
export const resourcesBelowUsage: RiskRule = {
  id: "resources-below-usage",
  description: "Requests or limits lowered below observed usage (or, without a usage hint, requests lowered in production).",
  check: ({ environments, settings }) => {
    const out: RiskFinding[] = [];
    for (const { environment, deltas } of environments) {
      for (const delta of deltas) {
        if (delta.change !== "changed") continue;
        for (const reason of lowered(delta, environment, settings)) out.push({ environment: environment.name, object: deltaId(delta), reason });
      }
    }
    return out;
  },
};
