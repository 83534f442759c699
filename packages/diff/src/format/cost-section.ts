import { formatPercentChange, formatUsd, formatUsdChange, type MonthlyCost } from "@cloudlab/constructs";
import type { CostChange, CostDiff } from "../cost-diff.ts";

/** Contributors listed per tenant; the rest are counted on one line. */
export const MAX_COST_CONTRIBUTORS = 5;

/** `$333.43 → $359.40 (+$25.97, +7.8 %)`. */
function movement(change: CostChange, side: keyof MonthlyCost): string {
  return `${formatUsd(change.before[side])} → ${formatUsd(change.after[side])} (${formatUsdChange(change.delta[side])}, ${formatPercentChange(change.before[side], change.after[side])})`;
}

/** One row of the cost section: who, then the change at min and at max replicas. */
export interface CostRow {
  /** 0 environment, 1 tenant or platform, 2 service. */
  readonly depth: 0 | 1 | 2;
  readonly environment: string;
  readonly label: string;
  readonly atMin: string;
  readonly atMax: string;
}

/** The heading of the section: the unit and the day of the prices. */
export function costHeading(cost: CostDiff): string {
  if (cost.unavailable !== undefined) return `Cost: not compared: ${cost.unavailable}`;
  const priced = `USD per month at on-demand list prices of ${cost.pricesAsOf}`;
  return cost.environments.length === 0 ? `Cost: no change (${priced})` : `Cost (${priced}; largest contributors first):`;
}

/** The rows of the cost section: per changed environment its total, then its tenants and their services, largest first. */
export function costRows(cost: CostDiff): CostRow[] {
  const rows: CostRow[] = [];
  for (const change of cost.environments) {
    const environment = change.environment.name;
    rows.push({ depth: 0, environment, label: environment, atMin: movement(change, "atMin"), atMax: movement(change, "atMax") });
    for (const tenant of change.tenants) {
      rows.push({ depth: 1, environment, label: tenant.tenant, atMin: formatUsdChange(tenant.delta.atMin), atMax: formatUsdChange(tenant.delta.atMax) });
      for (const service of tenant.services.slice(0, MAX_COST_CONTRIBUTORS)) {
        rows.push({ depth: 2, environment, label: service.service, atMin: formatUsdChange(service.delta.atMin), atMax: formatUsdChange(service.delta.atMax) });
      }
      const rest = tenant.services.length - MAX_COST_CONTRIBUTORS;
      if (rest > 0) rows.push({ depth: 2, environment, label: `… ${rest} more service${rest === 1 ? "" : "s"}`, atMin: "", atMax: "" });
    }
    if (change.platform !== undefined) {
      rows.push({ depth: 1, environment, label: "platform add-ons + control plane", atMin: formatUsdChange(change.platform.delta.atMin), atMax: formatUsdChange(change.platform.delta.atMax) });
    }
  }
  return rows;
}

/** The section as terminal lines (no trailing blank line). */
export function costTextLines(cost: CostDiff): string[] {
  const rows = costRows(cost);
  if (rows.length === 0) return [costHeading(cost)];
  const cells = [
    ["environment / tenant / service", "at min replicas", "at max replicas"],
    ...rows.map((row) => [`${"  ".repeat(row.depth)}${row.label}`, row.atMin, row.atMax]),
  ];
  const widths = [0, 1].map((column) => Math.max(...cells.map((cell) => cell[column]!.length)));
  return [costHeading(cost), ...cells.map(([label, min, max]) => `  ${label!.padEnd(widths[0]!)}  ${min!.padEnd(widths[1]!)}  ${max}`.trimEnd())];
}

/** The section as Markdown lines: a bold heading and a table (no trailing blank line); `escape` makes cells safe. */
export function costMarkdownLines(cost: CostDiff, escape: (text: string) => string): string[] {
  const rows = costRows(cost);
  if (rows.length === 0) return [`**${escape(costHeading(cost))}**`];
  return [
    `**${escape(costHeading(cost).replace(/:$/, ""))}**`,
    "",
    "| environment | tenant / service | at min replicas | at max replicas |",
    "| --- | --- | ---: | ---: |",
    ...rows.map((row) => {
      const label = row.depth === 0 ? "**total**" : escape(row.depth === 2 ? `↳ ${row.label}` : row.label);
      return `| ${row.depth === 0 ? escape(row.environment) : ""} | ${label} | ${escape(row.atMin)} | ${escape(row.atMax)} |`;
    }),
  ];
}
