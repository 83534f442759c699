import { environmentCost } from "@cloudlab/constructs";
import { formatSpecError } from "@cloudlab/model";
import { planSynthesis } from "@cloudlab/render";
import { COST_FORMATS, costProblemLine, formatCostReport, type CostFormat } from "../cost-report.ts";
import type { Io } from "../io.ts";
import { loadPlatform } from "../load-platform.ts";
import { UserError } from "../user-error.ts";

/** Options of `cloudlab cost`. */
export interface CostCommandOptions {
  /** The platform directory. */
  readonly platform: string;
  /** Only these environments (empty: all). */
  readonly environments: readonly string[];
  /**
   * `text`, `markdown` or `json`.
   * @default "text"
   */
  readonly format?: string;
}

function parseFormat(format: string | undefined): CostFormat {
  const value = format ?? "text";
  if (!(COST_FORMATS as readonly string[]).includes(value)) throw new UserError(`--format ${value}: cost formats are ${COST_FORMATS.join(", ")}`);
  return value as CostFormat;
}

/**
 * `cloudlab cost`: each environment's monthly cost at min and max replicas, per tenant and service, from the specs
 * alone (nothing is rendered or written) at the repository's dated list prices. Exit 0; 1 when the specs do not
 * check or something cannot be priced (the report is still printed, each unpriced item named on stderr); 2 usage.
 */
export async function costCommand(options: CostCommandOptions, io: Io): Promise<number> {
  const format = parseFormat(options.format);
  const definition = await loadPlatform(options.platform, io.cwd);
  const plan = planSynthesis(definition, options.environments.length > 0 ? { environments: options.environments } : {});
  if (plan.unknownEnvironments.length > 0) {
    throw new UserError(`unknown environment ${plan.unknownEnvironments.map((e) => `"${e}"`).join(", ")} (declared: ${plan.declaredEnvironments.join(", ")})`);
  }
  if (plan.specErrors.length > 0) {
    for (const error of plan.specErrors) io.stderr.write(`${formatSpecError(error)}\n`);
    io.stderr.write(`cost: ${plan.specErrors.length} error${plan.specErrors.length === 1 ? "" : "s"} in the specs; nothing priced\n`);
    return 1;
  }
  const costs = plan.models.map((model) => environmentCost(model));
  io.stdout.write(formatCostReport(costs, format));
  const problems = costs.flatMap((c) => c.problems);
  for (const problem of problems) io.stderr.write(`${costProblemLine(problem)}\n`);
  if (problems.length > 0) {
    io.stderr.write(`cost: ${problems.length} item${problems.length === 1 ? "" : "s"} not priced (left out of the figures): add the price to packages/constructs/src/cost/prices.json\n`);
    return 1;
  }
  return 0;
}
