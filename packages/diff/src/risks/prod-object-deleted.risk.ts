import { deltaId } from "./manifest-fields.ts";
import type { RiskFinding, RiskRule } from "./risk-rule.ts";

/**
 * An object deleted from a production environment: Argo CD prunes it from the cluster on sync. A whole environment
 * the specs no longer declare is one flag: its stage is unknown, so it counts as production.
 */
export const prodObjectDeleted: RiskRule = {
  id: "prod-object-deleted",
  description: "An object is deleted from a production environment (or a whole environment is no longer declared).",
  check: ({ environments }) => {
    const findings: RiskFinding[] = [];
    for (const { environment, deltas, head } of environments) {
      const removed = deltas.filter((d) => d.change === "removed");
      if (removed.length === 0) continue;
      if (environment.stage === undefined && head.length === 0) {
        findings.push({
          environment: environment.name,
          reason: `the environment is no longer declared: all ${removed.length} of its objects are deleted`,
        });
      } else if (environment.stage === "prod") {
        for (const delta of removed) findings.push({ environment: environment.name, object: deltaId(delta), reason: "deleted from production" });
      }
    }
    return findings;
  },
};
