import { formatPercentChange, formatUsd, formatUsdChange } from "@cloudlab/constructs";
import type { RiskFinding, RiskRule } from "./risk-rule.ts";

/**
 * A production environment whose monthly cost at every service's maximum replicas rises by more than
 * `maxCostIncrease` percent: peak spend is a decision, not a side effect. Names the largest contributor. A new
 * environment (no cost before) is not flagged.
 */
export const prodCostIncrease: RiskRule = {
  id: "prod-cost-increase",
  description: "The monthly cost at max replicas of a production environment rises by more than the threshold (--max-cost-increase, default 20 %).",
  check: ({ cost, settings }) => {
    const findings: RiskFinding[] = [];
    for (const change of cost?.environments ?? []) {
      if (change.environment.stage !== "prod") continue;
      const { before, after } = change;
      // A new environment has no cost to rise from: the whole environment is the change under review.
      if (before.atMax === 0) continue;
      const limit = before.atMax * (1 + settings.maxCostIncrease / 100);
      if (Math.round(after.atMax * 100) <= Math.round(limit * 100)) continue;
      const top = change.tenants[0];
      const service = top?.services[0];
      const largest = top === undefined ? "" : `; largest: ${service === undefined ? top.tenant : `${top.tenant}/${service.service}`} ${formatUsdChange(service?.delta.atMax ?? top.delta.atMax)}`;
      findings.push({
        environment: change.environment.name,
        reason:
          `monthly cost at max replicas raised from ${formatUsd(before.atMax)} to ${formatUsd(after.atMax)} ` +
          `(${formatPercentChange(before.atMax, after.atMax)}, above ${settings.maxCostIncrease} %)${largest}`,
      });
    }
    return findings;
  },
};
