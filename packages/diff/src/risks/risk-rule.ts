import type { CostDiff } from "../cost-diff.ts";
import type { EnvironmentInfo } from "../environment-info.ts";
import type { ObjectChange } from "../object-change.ts";
import type { Manifest, RenderedObject } from "../rendered-object.ts";
import type { UsageHints } from "../usage-hints.ts";

/** An object change with both versions of the object, as rules read it. */
export interface ObjectDelta extends ObjectChange {
  /** The base version; absent for an added object. */
  readonly before?: Manifest;
  /** The new version; absent for a removed object. */
  readonly after?: Manifest;
}

/** One environment's changes, with everything its new render holds. */
export interface EnvironmentDelta {
  readonly environment: EnvironmentInfo;
  /** Sorted by file. */
  readonly deltas: readonly ObjectDelta[];
  /** Every object of the new render of this environment. */
  readonly head: readonly RenderedObject[];
}

/** The settings of the risk rules. */
export interface RiskSettings {
  /** The largest change of a route destination's weight, in percentage points, that is not flagged. */
  readonly maxWeightStep: number;
  /** Observed usage; empty when none was given. */
  readonly usageHints: UsageHints;
  /** The largest rise of a production environment's monthly cost at max replicas, in percent, that is not flagged. */
  readonly maxCostIncrease: number;
}

/** What a rule sees: every environment, in report order. */
export interface RiskContext {
  readonly environments: readonly EnvironmentDelta[];
  readonly settings: RiskSettings;
  /** The monthly cost delta; absent when the diff was not given the two sides' costs. */
  readonly cost?: CostDiff;
}

/** A risk a rule found (the engine adds the rule's id). */
export interface RiskFinding {
  readonly environment: string;
  /** `Kind/namespace/name`; absent for the whole environment. */
  readonly object?: string;
  readonly reason: string;
}

/** One risk rule: data, with a function. */
export interface RiskRule {
  /** kebab-case, e.g. `prod-object-deleted`. */
  readonly id: string;
  /** One sentence: what it flags and why it matters. */
  readonly description: string;
  readonly check: (context: RiskContext) => readonly RiskFinding[];
}
