import type { Manifest } from "../rendered-object.ts";
import { at, deltaId, list, record, type Json } from "./manifest-fields.ts";
import type { EnvironmentDelta, RiskFinding, RiskRule } from "./risk-rule.ts";

/** Where a Rollout's analyses are, by what they are called in a flag. */
const ANALYSES: readonly (readonly [string, readonly string[]])[] = [
  ["the canary's analysis", ["spec", "strategy", "canary", "analysis"]],
  ["the blue-green's pre-promotion analysis", ["spec", "strategy", "blueGreen", "prePromotionAnalysis"]],
  ["the blue-green's post-promotion analysis", ["spec", "strategy", "blueGreen", "postPromotionAnalysis"]],
];

/** The templates an analysis names. */
function templateNames(analysis: Json): string[] {
  return list(at(analysis, "templates")).flatMap((t) => {
    const name = at(t, "templateName");
    return typeof name === "string" ? [name] : [];
  });
}

/** The step analyses of a canary, as the templates they name. */
function stepTemplates(rollout: Manifest | undefined): string[] {
  return list(at(rollout, "spec", "strategy", "canary", "steps")).flatMap((step) => templateNames(at(step, "analysis")));
}

/** Why a Rollout judges less after the change than before. */
function rolloutReasons(before: Manifest, after: Manifest): string[] {
  const reasons: string[] = [];
  for (const [what, path] of ANALYSES) {
    const old = templateNames(at(before, ...path));
    const now = new Set(templateNames(at(after, ...path)));
    const gone = old.filter((name) => !now.has(name));
    if (old.length > 0 && now.size === 0) reasons.push(`${what} removed (it ran ${old.join(", ")})`);
    else if (gone.length > 0) reasons.push(`${what} no longer runs ${gone.join(", ")}`);
  }
  const oldSteps = stepTemplates(before);
  const nowSteps = new Set(stepTemplates(after));
  const goneSteps = [...new Set(oldSteps.filter((name) => !nowSteps.has(name)))];
  if (goneSteps.length > 0) reasons.push(`the canary's steps no longer run ${goneSteps.join(", ")}`);
  return reasons;
}

/** The bound a condition puts on `result[0]`: `len(result) > 0 && result[0] < 250` → `< 250`. */
function bound(condition: Json): { op: "<" | "<=" | ">" | ">="; value: number } | undefined {
  if (typeof condition !== "string") return undefined;
  const match = /result\[0\]\s*(<=|>=|<|>)\s*(-?[0-9.]+(?:e-?[0-9]+)?)/.exec(condition);
  return match === null ? undefined : { op: match[1] as "<" | "<=" | ">" | ">=", value: Number(match[2]) };
}

function asNumber(value: Json, fallback: number): number {
  return typeof value === "number" ? value : typeof value === "string" && /^[0-9]+$/.test(value) ? Number(value) : fallback;
}

/** Why an AnalysisTemplate passes more after the change than before, metric by metric. */
function templateReasons(before: Manifest, after: Manifest): string[] {
  const reasons: string[] = [];
  const metrics = (m: Manifest) => new Map(list(at(m, "spec", "metrics")).map((metric) => [String(at(metric, "name")), record(metric) ?? {}] as const));
  const now = metrics(after);
  for (const [name, old] of metrics(before)) {
    const metric = now.get(name);
    if (metric === undefined) {
      reasons.push(`metric ${name} removed`);
      continue;
    }
    const a = bound(old.successCondition);
    const b = bound(metric.successCondition);
    if (a !== undefined && b !== undefined && a.op.charAt(0) === b.op.charAt(0) && (a.op.startsWith("<") ? b.value > a.value : b.value < a.value)) {
      reasons.push(`metric ${name}: success threshold loosened from ${a.op} ${a.value} to ${b.op} ${b.value}`);
    } else if (a !== undefined && b === undefined) {
      reasons.push(`metric ${name}: success condition "${String(old.successCondition)}" replaced by ${metric.successCondition === undefined ? "none" : `"${String(metric.successCondition)}"`}`);
    }
    if (old.failureCondition !== undefined && metric.failureCondition === undefined) reasons.push(`metric ${name}: failure condition removed`);
    const failures = [asNumber(old.failureLimit, 0), asNumber(metric.failureLimit, 0)] as const;
    if (failures[1] > failures[0]) reasons.push(`metric ${name}: failureLimit raised from ${failures[0]} to ${failures[1]}`);
    if (at(metric, "provider") !== undefined && JSON.stringify(at(old, "provider")) !== JSON.stringify(at(metric, "provider"))) {
      // A changed query may measure something else entirely: the reviewer reads it.
      reasons.push(`metric ${name}: query changed`);
    }
  }
  return reasons;
}

/**
 * A release judged less in production: a Rollout's analysis (canary background or step analysis, blue-green pre- or
 * post-promotion) removed or naming fewer templates, or an AnalysisTemplate that fails less (a metric removed, its
 * success threshold or failureLimit loosened, its failure condition removed, its query changed) or removed.
 */
export const rolloutAnalysisWeakened: RiskRule = {
  id: "rollout-analysis-weakened",
  description: "A Rollout's analysis removed, or its AnalysisTemplate's thresholds loosened, in production.",
  check: ({ environments }) => {
    const findings: RiskFinding[] = [];
    for (const { environment, deltas } of environments as readonly EnvironmentDelta[]) {
      if (environment.stage !== "prod") continue;
      for (const delta of deltas) {
        const { change, before, after } = delta;
        if (before === undefined) continue;
        const object = deltaId(delta);
        if (before.kind === "Rollout" && after !== undefined && change === "changed") {
          for (const reason of rolloutReasons(before, after)) findings.push({ environment: environment.name, object, reason });
        }
        if (before.kind === "AnalysisTemplate") {
          const reasons = after === undefined ? ["AnalysisTemplate removed: the releases that named it are judged by nothing"] : templateReasons(before, after);
          for (const reason of reasons) findings.push({ environment: environment.name, object, reason });
        }
      }
    }
    return findings;
  },
};
