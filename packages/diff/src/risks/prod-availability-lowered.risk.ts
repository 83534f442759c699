import { at, deltaId, type Json } from "./manifest-fields.ts";
import type { ObjectDelta, RiskFinding, RiskRule } from "./risk-rule.ts";

/** A number, or a percentage such as `25%` (as a number with its unit, to compare like with like). */
function amount(value: Json): { value: number; percent: boolean } | undefined {
  if (typeof value === "number") return { value, percent: false };
  if (typeof value === "string" && /^[0-9]+%$/.test(value)) return { value: Number(value.slice(0, -1)), percent: true };
  return undefined;
}

function show(value: Json): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The replica-like fields whose lowering reduces availability: `[path, what lowering means]`. */
function lowered(delta: ObjectDelta): string[] {
  const { before, after } = delta;
  const reasons: string[] = [];
  const check = (field: string, path: string[], direction: "lower" | "higher") => {
    const old = at(before, ...path);
    const now = at(after, ...path);
    if (old === undefined || now === undefined) return;
    const a = amount(old);
    const b = amount(now);
    const verb = direction === "lower" ? "lowered" : "raised";
    if (a === undefined || b === undefined || a.percent !== b.percent) {
      reasons.push(`${field} changed from ${show(old)} to ${show(now)} (cannot tell whether it is safer)`);
    } else if (direction === "lower" ? b.value < a.value : b.value > a.value) {
      reasons.push(`${field} ${verb} from ${show(old)} to ${show(now)}`);
    }
  };
  switch (delta.object.kind) {
    case "Deployment":
    case "StatefulSet":
    case "Rollout":
      check("replicas", ["spec", "replicas"], "lower");
      break;
    case "HorizontalPodAutoscaler":
      check("minReplicas", ["spec", "minReplicas"], "lower");
      break;
    case "PodDisruptionBudget":
      check("minAvailable", ["spec", "minAvailable"], "lower");
      check("maxUnavailable", ["spec", "maxUnavailable"], "higher");
      if (at(before, "spec", "minAvailable") !== undefined && at(after, "spec", "minAvailable") === undefined) {
        reasons.push(`minAvailable ${show(at(before, "spec", "minAvailable"))} replaced by maxUnavailable ${show(at(after, "spec", "maxUnavailable"))}`);
      } else if (at(before, "spec", "maxUnavailable") !== undefined && at(after, "spec", "maxUnavailable") === undefined) {
        reasons.push(`maxUnavailable ${show(at(before, "spec", "maxUnavailable"))} replaced by minAvailable ${show(at(after, "spec", "minAvailable"))}`);
      }
      break;
  }
  return reasons;
}

/**
 * Less capacity or less protection in production: a workload's replicas or an HPA's minReplicas lowered, a PDB's
 * minAvailable lowered or maxUnavailable raised (or switched between the two).
 */
export const prodAvailabilityLowered: RiskRule = {
  id: "prod-availability-lowered",
  description: "Replicas, HPA minReplicas or a PodDisruptionBudget lowered in production.",
  check: ({ environments }) => {
    const findings: RiskFinding[] = [];
    for (const { environment, deltas } of environments) {
      if (environment.stage !== "prod") continue;
      for (const delta of deltas) {
        if (delta.change !== "changed") continue;
        for (const reason of lowered(delta)) findings.push({ environment: environment.name, object: deltaId(delta), reason });
      }
    }
    return findings;
  },
};
