import type { RiskFinding, RiskRule } from "./risk-rule.ts";

/**
 * A DR cluster that changes while its primary (the environments of the same stage with the primary role) does not:
 * the standby drifts from what it stands in for, and the change is only exercised on failover.
 */
export const drOnlyChange: RiskRule = {
  id: "dr-only-change",
  description: "A DR environment changes while its primary does not.",
  check: ({ environments }) => {
    const out: RiskFinding[] = [];
    for (const { environment, deltas } of environments) {
      if (environment.role !== "dr" || deltas.length === 0) continue;
      const primaries = environments.filter((e) => e.environment.stage === environment.stage && e.environment.role === "primary");
      if (primaries.length === 0 || primaries.some((p) => p.deltas.length > 0)) continue;
      const names = primaries.map((p) => p.environment.name).join(", ");
      out.push({ environment: environment.name, reason: `the DR cluster changes while its primary ${names} does not` });
    }
    return out;
  },
};
