import type { Manifest } from "../rendered-object.ts";
import { at, deltaId } from "./manifest-fields.ts";
import type { RiskFinding, RiskRule } from "./risk-rule.ts";

/** Whether a blue-green Rollout promotes itself (Argo Rollouts' default when the field is absent). */
function autoPromotes(rollout: Manifest | undefined): boolean {
  const blueGreen = at(rollout, "spec", "strategy", "blueGreen");
  return blueGreen !== undefined && at(blueGreen, "autoPromotionEnabled") !== false;
}

/**
 * A blue-green release in production that no longer waits for a person: `autoPromotionEnabled` turned on (or a
 * blue-green Rollout added that promotes itself), so the active Service switches as soon as the new pods are ready.
 */
export const rolloutAutoPromote: RiskRule = {
  id: "rollout-auto-promote",
  description: "A blue-green Rollout in production promotes itself (autoPromotionEnabled turned on, or added on).",
  check: ({ environments }) => {
    const findings: RiskFinding[] = [];
    for (const { environment, deltas } of environments) {
      if (environment.stage !== "prod") continue;
      for (const delta of deltas) {
        const { change, before, after } = delta;
        if (after?.kind !== "Rollout" || !autoPromotes(after) || (before !== undefined && autoPromotes(before))) continue;
        const reason =
          change === "added" ? "added as a blue-green that promotes itself: no one approves the switch" : "autoPromotionEnabled turned on: the switch to the new pods no longer waits for a person";
        findings.push({ environment: environment.name, object: deltaId(delta), reason });
      }
    }
    return findings;
  },
};
