import type { CostDiff } from "./cost-diff.ts";
import type { EnvironmentInfo } from "./environment-info.ts";
import type { FieldChange } from "./field-change.ts";
import type { ObjectKey } from "./object-key.ts";

/** What happened to an object between the base and the new render. */
export type ChangeKind = "added" | "removed" | "changed";

/** One object that differs between the two renders. */
export interface ObjectChange {
  readonly change: ChangeKind;
  readonly object: ObjectKey;
  /** The rendered file (the new one; the old one for a removed object), relative to the output folder. */
  readonly file: string;
  /** For a changed object, every field that differs; empty for an added or removed one. */
  readonly fields: readonly FieldChange[];
}

/** The changes of one environment. */
export interface EnvironmentDiff {
  readonly environment: EnvironmentInfo;
  /** Sorted by file. Empty when nothing changed. */
  readonly changes: readonly ObjectChange[];
}

/** A risk found in the changes, with a short reason; reports show these first. */
export interface RiskFlag {
  /** The rule that raised it, e.g. `prod-object-deleted`. */
  readonly rule: string;
  readonly environment: string;
  /** The object, as `Kind/namespace/name`; absent for a flag about the whole environment. */
  readonly object?: string;
  /** Why, in a few words, e.g. `replicas lowered from 5 to 3`. */
  readonly reason: string;
}

/** The comparison of two renders. */
export interface PlatformDiff {
  /** Every environment of either render, dev → staging → prod primary → prod DR, then undeclared ones. */
  readonly environments: readonly EnvironmentDiff[];
  /** In environment order, then rule order. */
  readonly risks: readonly RiskFlag[];
  /** The monthly cost delta; absent when the diff was not given both sides' costs. */
  readonly cost?: CostDiff;
}

/** How many objects an environment adds, removes and changes. */
export interface ChangeCounts {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
}

/** The counts of one environment's changes, or of several environments' together. */
export function countChanges(environments: EnvironmentDiff | readonly EnvironmentDiff[]): ChangeCounts {
  const list = Array.isArray(environments) ? (environments as readonly EnvironmentDiff[]) : [environments as EnvironmentDiff];
  const count = (kind: ChangeKind) => list.reduce((sum, env) => sum + env.changes.filter((c) => c.change === kind).length, 0);
  return { added: count("added"), removed: count("removed"), changed: count("changed") };
}

/** Whether anything changed in any environment. */
export function hasChanges(diff: PlatformDiff): boolean {
  return diff.environments.some((env) => env.changes.length > 0);
}
