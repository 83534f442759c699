import { CPU_TO_MEMORY_PRICE_RATIO, formatUsd, NODE_FILL, PRICE_LIST, type CostProblem, type EnvironmentCost, type MonthlyCost } from "@cloudlab/constructs";
import { escapeMarkdown } from "@cloudlab/diff";

/** The formats of `cloudlab cost`. */
export const COST_FORMATS = ["text", "markdown", "json"] as const;
export type CostFormat = (typeof COST_FORMATS)[number];

/** Where the assumptions behind every figure are written down. */
const DOC = "docs/cost.md";

function pad(cells: readonly string[][], right: ReadonlySet<number> = new Set()): string[] {
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  return cells.map((row) => row.map((cell, column) => (right.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join("  ").trimEnd());
}

/** The heading every cost report starts with: the unit and the day of the prices. */
function priced(pricesAsOf: string): string {
  return `USD per month, on-demand list prices of ${pricesAsOf}`;
}

/** `prod-us-west-2 (eks us-west-2, m6i.xlarge at $0.192/h)`. */
function cluster(cost: EnvironmentCost): string {
  const hourly = cost.rates.nodeHourly === undefined ? "unpriced" : `$${cost.rates.nodeHourly}/h`;
  return `${cost.provider} ${cost.region}, ${cost.instanceType} at ${hourly}`;
}

/** `3 → 32 nodes: $420.48 → $4,485.12`. */
function nodeGroup(cost: EnvironmentCost): string {
  const group = cost.nodeGroup;
  return `${group.minSize} → ${group.maxSize} nodes: ${formatUsd(group.cost.atMin)} → ${formatUsd(group.cost.atMax)}`;
}

/** `cloudlab: <file>: <env>: <service>: <field>: <message>`-style line of a problem, without the prefix. */
export function costProblemLine(problem: CostProblem): string {
  return `${problem.file}: ${problem.service === undefined ? problem.environment : `${problem.service} (${problem.environment})`}: ${problem.field}: ${problem.message}`;
}

/** The per-environment cost summary `synth` prints beside the capacity summary. */
export function costTable(costs: readonly EnvironmentCost[]): string {
  if (costs.length === 0) return "";
  const rows = [
    ["environment", "nodes", "at min replicas", "at max replicas", "node group (cross-check)"],
    ...costs.map((c) => [c.environment, cluster(c), formatUsd(c.total.atMin), formatUsd(c.total.atMax), nodeGroup(c)]),
  ];
  const lines = pad(rows, new Set([2, 3])).map((line) => `  ${line}`);
  const problems = costs.flatMap((c) => c.problems).map((p) => `  not priced: ${costProblemLine(p)}`);
  return `cost (${priced(costs[0]!.pricesAsOf)}; pods' requests + platform add-ons + control plane, ${DOC}):\n${[...lines, ...problems].join("\n")}\n`;
}

function range(cost: MonthlyCost): [string, string] {
  return [formatUsd(cost.atMin), formatUsd(cost.atMax)];
}

/** The rows of one environment: tenants with their services below them, then the add-ons, the fee and the total. */
function environmentRows(cost: EnvironmentCost, indent: string): string[][] {
  const rows: string[][] = [];
  for (const tenant of cost.tenants) {
    const pods = tenant.services.reduce((n, s) => ({ atMin: n.atMin + s.pods.atMin, atMax: n.atMax + s.pods.atMax }), { atMin: 0, atMax: 0 });
    const storage = tenant.services.reduce((n, s) => n + s.storage.atMax, 0);
    rows.push([tenant.tenant, `${pods.atMin} → ${pods.atMax}`, ...range(tenant.total), formatUsd(storage)]);
    for (const service of tenant.services) {
      rows.push([`${indent}${service.service}`, `${service.pods.atMin} → ${service.pods.atMax}`, ...range(service.total), formatUsd(service.storage.atMax)]);
    }
  }
  rows.push(["platform add-ons", "", ...range(cost.platform), ""]);
  rows.push(["control plane", "", ...range(cost.controlPlane), ""]);
  rows.push(["total", "", ...range(cost.total), ""]);
  return rows;
}

const HEADER = ["tenant / service", "pods", "at min", "at max", "storage at max"];

/** `$31.49 per requested vCPU and $4.22 per GiB a month at a 75 % node fill`. */
function rates(cost: EnvironmentCost): string {
  return `${formatUsd(cost.rates.cpuCoreMonth)} per requested vCPU and ${formatUsd(cost.rates.memoryGiBMonth)} per requested GiB a month at a ${NODE_FILL * 100} % node fill`;
}

function textReport(costs: readonly EnvironmentCost[]): string {
  const asOf = costs[0]?.pricesAsOf ?? PRICE_LIST.asOf;
  const parts = [`cloudlab cost: ${priced(asOf)}, at every service's min → max replicas (${DOC})`, ""];
  for (const cost of costs) {
    parts.push(`${cost.environment} (${cluster(cost)}: ${rates(cost)}; node group ${nodeGroup(cost)})`);
    parts.push(...pad([HEADER, ...environmentRows(cost, "  ")], new Set([1, 2, 3, 4])).map((line) => `  ${line}`));
    for (const problem of cost.problems) parts.push(`  not priced: ${costProblemLine(problem)}`);
    parts.push("");
  }
  return `${parts.join("\n")}`;
}

function markdownReport(costs: readonly EnvironmentCost[]): string {
  const asOf = costs[0]?.pricesAsOf ?? PRICE_LIST.asOf;
  const parts = ["### cloudlab cost", "", `${escapeMarkdown(priced(asOf))}, at every service's min → max replicas ([assumptions](${DOC})).`, ""];
  for (const cost of costs) {
    parts.push(`#### ${escapeMarkdown(cost.environment)}`, "", `${escapeMarkdown(cluster(cost))}: ${escapeMarkdown(rates(cost))}; node group ${escapeMarkdown(nodeGroup(cost))}.`, "");
    parts.push(`| ${HEADER.join(" | ")} |`, "| --- | ---: | ---: | ---: | ---: |");
    for (const row of environmentRows(cost, "↳ ")) parts.push(`| ${row.map(escapeMarkdown).join(" | ")} |`);
    parts.push("");
    for (const problem of cost.problems) parts.push(`- not priced: ${escapeMarkdown(costProblemLine(problem))}`);
    if (cost.problems.length > 0) parts.push("");
  }
  return parts.join("\n");
}

/** Money to the cent in JSON (the figures are estimates; cents keep the report readable and stable). */
function rounded(cost: MonthlyCost): MonthlyCost {
  return { atMin: Math.round(cost.atMin * 100) / 100, atMax: Math.round(cost.atMax * 100) / 100 };
}

function jsonReport(costs: readonly EnvironmentCost[]): string {
  const report = {
    currency: PRICE_LIST.currency,
    pricesAsOf: costs[0]?.pricesAsOf ?? PRICE_LIST.asOf,
    sources: PRICE_LIST.sources,
    assumptions: { hoursPerMonth: PRICE_LIST.hoursPerMonth, nodeFill: NODE_FILL, cpuToMemoryPriceRatio: Math.round(CPU_TO_MEMORY_PRICE_RATIO * 1e6) / 1e6 },
    environments: costs.map((cost) => ({
      environment: cost.environment,
      stage: cost.stage,
      provider: cost.provider,
      region: cost.region,
      instanceType: cost.instanceType,
      pricesAsOf: cost.pricesAsOf,
      rates: {
        ...(cost.rates.nodeHourly === undefined ? {} : { nodeHourly: cost.rates.nodeHourly }),
        cpuCoreMonth: Math.round(cost.rates.cpuCoreMonth * 1e4) / 1e4,
        memoryGiBMonth: Math.round(cost.rates.memoryGiBMonth * 1e4) / 1e4,
      },
      total: rounded(cost.total),
      platform: rounded(cost.platform),
      controlPlane: rounded(cost.controlPlane),
      nodeGroup: { minSize: cost.nodeGroup.minSize, maxSize: cost.nodeGroup.maxSize, cost: rounded(cost.nodeGroup.cost) },
      tenants: cost.tenants.map((tenant) => ({
        tenant: tenant.tenant,
        total: rounded(tenant.total),
        services: tenant.services.map((s) => ({ service: s.service, pods: s.pods, compute: rounded(s.compute), storage: rounded(s.storage), total: rounded(s.total) })),
      })),
      problems: cost.problems,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The report of `cloudlab cost`: per environment, tenant and service, at min and max replicas, with the prices' date. */
export function formatCostReport(costs: readonly EnvironmentCost[], format: CostFormat): string {
  return format === "json" ? jsonReport(costs) : format === "markdown" ? markdownReport(costs) : textReport(costs);
}
