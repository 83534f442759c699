import type { EnvironmentCost, MonthlyCost } from "@cloudlab/constructs";
import { compareStrings } from "@cloudlab/model";
import type { EnvironmentInfo } from "./environment-info.ts";

/** Both sides' monthly cost, as `cloudlab diff` gets them (`environmentCost` of each side's environment models). */
export interface CostInput {
  /** The base revision's costs; `undefined` when they could not be computed (`unavailable` says why). */
  readonly base: readonly EnvironmentCost[] | undefined;
  /** The new revision's costs. */
  readonly head: readonly EnvironmentCost[];
  /** Why the base's cost is unknown (its specs do not load or check with this revision's model, say). */
  readonly unavailable?: string;
}

/** A monthly cost before and after, at min and at max replicas. */
export interface CostChange {
  readonly before: MonthlyCost;
  readonly after: MonthlyCost;
  /** after − before. */
  readonly delta: MonthlyCost;
}

/** One service's change. */
export interface ServiceCostChange extends CostChange {
  readonly service: string;
}

/** One tenant's change, with its services that changed, largest first. */
export interface TenantCostChange extends CostChange {
  readonly tenant: string;
  readonly services: readonly ServiceCostChange[];
}

/** One environment's change, with its tenants that changed, largest first. */
export interface EnvironmentCostChange extends CostChange {
  readonly environment: EnvironmentInfo;
  readonly tenants: readonly TenantCostChange[];
  /** The platform add-ons and the control plane, when they changed (a new stage or provider). */
  readonly platform?: CostChange;
}

/** The cost section of a diff. */
export interface CostDiff {
  /** The day of the prices both sides are priced at. */
  readonly pricesAsOf: string;
  /** Every environment whose cost changed, in report order. */
  readonly environments: readonly EnvironmentCostChange[];
  /** Why the base's cost is unknown; `environments` is then empty. */
  readonly unavailable?: string;
}

const ZERO: MonthlyCost = { atMin: 0, atMax: 0 };

function cents(amount: number): number {
  return Math.round(amount * 100);
}

/** Whether a change shows to the cent. */
function changed(change: CostChange): boolean {
  return cents(change.after.atMin) !== cents(change.before.atMin) || cents(change.after.atMax) !== cents(change.before.atMax);
}

function change(before: MonthlyCost, after: MonthlyCost): CostChange {
  return { before, after, delta: { atMin: after.atMin - before.atMin, atMax: after.atMax - before.atMax } };
}

/** Largest change at max replicas first (by size, either sign), then at min, then by name. */
function bySize<T extends CostChange>(name: (item: T) => string): (a: T, b: T) => number {
  return (a, b) =>
    Math.abs(b.delta.atMax) - Math.abs(a.delta.atMax) || Math.abs(b.delta.atMin) - Math.abs(a.delta.atMin) || compareStrings(name(a), name(b));
}

function add(a: MonthlyCost, b: MonthlyCost): MonthlyCost {
  return { atMin: a.atMin + b.atMin, atMax: a.atMax + b.atMax };
}

function tenantChanges(before: EnvironmentCost | undefined, after: EnvironmentCost | undefined): TenantCostChange[] {
  const tenants = new Set([...(before?.tenants ?? []), ...(after?.tenants ?? [])].map((t) => t.tenant));
  const result: TenantCostChange[] = [];
  for (const tenant of tenants) {
    const old = before?.tenants.find((t) => t.tenant === tenant);
    const now = after?.tenants.find((t) => t.tenant === tenant);
    const total = change(old?.total ?? ZERO, now?.total ?? ZERO);
    const names = new Set([...(old?.services ?? []), ...(now?.services ?? [])].map((s) => s.service));
    const services = [...names]
      .map((service) => ({
        service,
        ...change(old?.services.find((s) => s.service === service)?.total ?? ZERO, now?.services.find((s) => s.service === service)?.total ?? ZERO),
      }))
      .filter(changed)
      .sort(bySize((s) => s.service));
    if (changed(total) || services.length > 0) result.push({ tenant, ...total, services });
  }
  return result.sort(bySize((t) => t.tenant));
}

/**
 * The monthly cost delta of every environment whose cost changed, at min and at max replicas, per tenant and service,
 * the largest contributors first. `environments` gives the report order (as `orderEnvironments` makes it). Pure.
 */
export function diffCost(input: CostInput, environments: readonly EnvironmentInfo[]): CostDiff {
  const pricesAsOf = input.head[0]?.pricesAsOf ?? input.base?.[0]?.pricesAsOf ?? "";
  if (input.base === undefined) return { pricesAsOf, environments: [], unavailable: input.unavailable ?? "the base revision's cost is unknown" };
  const base = new Map(input.base.map((c) => [c.environment, c]));
  const head = new Map(input.head.map((c) => [c.environment, c]));
  const result: EnvironmentCostChange[] = [];
  for (const environment of environments) {
    const before = base.get(environment.name);
    const after = head.get(environment.name);
    if (before === undefined && after === undefined) continue;
    const total = change(before?.total ?? ZERO, after?.total ?? ZERO);
    const platform = change(before === undefined ? ZERO : add(before.platform, before.controlPlane), after === undefined ? ZERO : add(after.platform, after.controlPlane));
    if (!changed(total)) continue;
    result.push({ environment, ...total, tenants: tenantChanges(before, after), ...(changed(platform) ? { platform } : {}) });
  }
  return { pricesAsOf, environments: result };
}
