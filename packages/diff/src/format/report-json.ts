import { countChanges, hasChanges, type PlatformDiff } from "../object-change.ts";
import { objectId } from "../object-key.ts";
import type { ReportSubject } from "./report-text.ts";
import type { CostChange, CostDiff } from "../cost-diff.ts";

/** Money to the cent: the figures are estimates, and cents keep the report stable. */
function centsOf(change: CostChange) {
  const round = (n: number) => Math.round(n * 100) / 100;
  const side = (cost: CostChange["before"]) => ({ atMin: round(cost.atMin), atMax: round(cost.atMax) });
  return { before: side(change.before), after: side(change.after), delta: side(change.delta) };
}

/** The cost section: every environment whose cost changed, its tenants and services largest first. */
function costJson(cost: CostDiff) {
  return {
    currency: "USD",
    pricesAsOf: cost.pricesAsOf,
    ...(cost.unavailable === undefined ? {} : { unavailable: cost.unavailable }),
    environments: cost.environments.map((change) => ({
      name: change.environment.name,
      ...centsOf(change),
      tenants: change.tenants.map((tenant) => ({ tenant: tenant.tenant, ...centsOf(tenant), services: tenant.services.map((s) => ({ service: s.service, ...centsOf(s) })) })),
      ...(change.platform === undefined ? {} : { platform: centsOf(change.platform) }),
    })),
  };
}

/**
 * The machine-readable report: what was compared, whether anything changed, totals, risk flags, the cost delta (when
 * the diff has one), and per environment
 * every changed object with its key, file and field changes (`before` / `after` left out when absent). Two-space
 * indented, with a trailing newline.
 */
export function formatJson(diff: PlatformDiff, subject: ReportSubject): string {
  const totals = countChanges(diff.environments);
  const report = {
    base: subject.base,
    head: subject.head,
    changed: hasChanges(diff),
    summary: {
      environments: diff.environments.length,
      changedEnvironments: diff.environments.filter((e) => e.changes.length > 0).length,
      ...totals,
      risks: diff.risks.length,
    },
    risks: diff.risks,
    ...(diff.cost === undefined ? {} : { cost: costJson(diff.cost) }),
    environments: diff.environments.map(({ environment, changes }) => ({
      name: environment.name,
      ...(environment.stage === undefined ? {} : { stage: environment.stage }),
      ...(environment.role === undefined ? {} : { role: environment.role }),
      ...countChanges({ environment, changes }),
      changes: changes.map(({ change, object, file, fields }) => ({
        change,
        object: objectId(object),
        apiVersion: object.apiVersion,
        kind: object.kind,
        ...(object.namespace === undefined ? {} : { namespace: object.namespace }),
        name: object.name,
        file,
        fields,
      })),
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
