import type { EnvironmentSpec } from "@cloudlab/model";
import { diffCost, type CostInput } from "./cost-diff.ts";
import { diffValues } from "./diff-values.ts";
import { orderEnvironments } from "./environment-info.ts";
import type { JsonValue } from "./field-change.ts";
import type { EnvironmentDiff, ObjectChange, PlatformDiff, RiskFlag } from "./object-change.ts";
import { compareObjectKeys, objectKeyString } from "./object-key.ts";
import type { RenderedObject } from "./rendered-object.ts";
import { RISK_RULES, type EnvironmentDelta, type ObjectDelta, type RiskRule } from "./risks/index.ts";
import type { UsageHints } from "./usage-hints.ts";

/** The default of {@link DiffOptions.maxWeightStep}. */
export const DEFAULT_MAX_WEIGHT_STEP = 25;

/** The default of {@link DiffOptions.maxCostIncrease}. */
export const DEFAULT_MAX_COST_INCREASE = 20;

/** Settings of the comparison's risk rules. */
export interface DiffOptions {
  /**
   * The largest move of one route destination's traffic weight, in percentage points, that is not flagged.
   * @default 25
   */
  readonly maxWeightStep?: number;
  /**
   * Observed usage of containers, for `resources-below-usage`.
   * @default no hints (requests lowered in production are flagged instead)
   */
  readonly usageHints?: UsageHints;
  /**
   * The largest rise, in percent, of a production environment's monthly cost at max replicas that is not flagged.
   * @default 20
   */
  readonly maxCostIncrease?: number;
  /**
   * The risk rules to run.
   * @default RISK_RULES
   */
  readonly rules?: readonly RiskRule[];
}

/** The two renders to compare. */
export interface DiffInput {
  /** The base revision's objects (empty when the base has no platform). */
  readonly base: readonly RenderedObject[];
  /** The new render's objects. */
  readonly head: readonly RenderedObject[];
  /** The new render's environment specs: the order of the report, each environment's stage and cluster role. */
  readonly environments: readonly EnvironmentSpec[];
  /**
   * Both sides' monthly costs, for the cost section and its risk flag.
   * @default none: the diff has no cost section
   */
  readonly cost?: CostInput;
}

function compareDeltas(a: ObjectDelta, b: ObjectDelta): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : compareObjectKeys(a.object, b.object);
}

/** The changed, added and removed objects of one environment, sorted by file. */
function environmentDeltas(base: readonly RenderedObject[], head: readonly RenderedObject[]): ObjectDelta[] {
  const before = new Map(base.map((o) => [objectKeyString(o.key), o]));
  const deltas: ObjectDelta[] = [];
  for (const object of head) {
    const old = before.get(objectKeyString(object.key));
    before.delete(objectKeyString(object.key));
    if (old === undefined) {
      deltas.push({ change: "added", object: object.key, file: object.file, fields: [], after: object.manifest });
      continue;
    }
    const fields = diffValues(old.manifest as unknown as JsonValue, object.manifest as unknown as JsonValue);
    if (fields.length > 0) deltas.push({ change: "changed", object: object.key, file: object.file, fields, before: old.manifest, after: object.manifest });
  }
  for (const old of before.values()) deltas.push({ change: "removed", object: old.key, file: old.file, fields: [], before: old.manifest });
  return deltas.sort(compareDeltas);
}

function byEnvironment(objects: readonly RenderedObject[]): Map<string, RenderedObject[]> {
  const groups = new Map<string, RenderedObject[]>();
  for (const object of objects) {
    const group = groups.get(object.key.environment);
    if (group === undefined) groups.set(object.key.environment, [object]);
    else group.push(object);
  }
  return groups;
}

/** A delta as reports show it: without the two versions of the object. */
function toChange({ change, object, file, fields }: ObjectDelta): ObjectChange {
  return { change, object, file, fields };
}

/**
 * Compares two renders object by object, keyed by environment / apiVersion / kind / namespace / name, and runs the
 * risk rules over the changes. Pure: objects in, structured changes and risk flags out.
 */
export function diffPlatform(input: DiffInput, options: DiffOptions = {}): PlatformDiff {
  const base = byEnvironment(input.base);
  const head = byEnvironment(input.head);
  const names = new Set([...base.keys(), ...head.keys(), ...input.environments.map((e) => e.name)]);
  const environments: EnvironmentDelta[] = orderEnvironments(input.environments, names).map((environment) => ({
    environment,
    deltas: environmentDeltas(base.get(environment.name) ?? [], head.get(environment.name) ?? []),
    head: head.get(environment.name) ?? [],
  }));

  const rules = options.rules ?? RISK_RULES;
  const cost = input.cost === undefined ? undefined : diffCost(input.cost, environments.map((e) => e.environment));
  const context = {
    environments,
    settings: {
      maxWeightStep: options.maxWeightStep ?? DEFAULT_MAX_WEIGHT_STEP,
      usageHints: options.usageHints ?? {},
      maxCostIncrease: options.maxCostIncrease ?? DEFAULT_MAX_COST_INCREASE,
    },
    ...(cost === undefined ? {} : { cost }),
  };
  const findings = rules.flatMap((rule, ruleIndex) => rule.check(context).map((finding) => ({ rule: rule.id, ruleIndex, ...finding })));
  const order = new Map(environments.map((e, i) => [e.environment.name, i]));
  const risks: RiskFlag[] = findings
    .map((finding, index) => ({ ...finding, index }))
    .sort((a, b) => (order.get(a.environment) ?? 0) - (order.get(b.environment) ?? 0) || a.ruleIndex - b.ruleIndex || a.index - b.index)
    .map(({ rule, environment, object, reason }) => ({ rule, environment, ...(object === undefined ? {} : { object }), reason }));

  const diffs: EnvironmentDiff[] = environments.map(({ environment, deltas }) => ({ environment, changes: deltas.map(toChange) }));
  return { environments: diffs, risks, ...(cost === undefined ? {} : { cost }) };
}
