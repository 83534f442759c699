import type { FieldPath } from "./field-path.ts";
import type { Severity } from "./finding.ts";
import { manifestObject, type ManifestObject } from "./manifest-object.ts";
import type { GroupRule, ObjectRule, RuleContext } from "./rule.ts";
import type { KindRegistry } from "./schema/kind-catalog.ts";
import { DEFAULT_TARGET_VERSIONS, type TargetVersions } from "./versions/target-versions.ts";
import { waiverOf } from "./waiver.ts";

/** A problem a rule found in one in-memory object: which object (by index), the field and what is wrong. */
export interface ManifestProblem {
  /** The object's index in the array checked. */
  readonly index: number;
  readonly ruleId: string;
  readonly severity: Severity;
  /** The field, as segments (callers format it their way). */
  readonly path: FieldPath;
  readonly message: string;
}

const NOWHERE = { line: 0, column: 0 };

/**
 * Runs object and group rules over objects already in memory (no YAML, so no positions), all of one environment:
 * how the renderer reuses the gate's rules on the objects it is about to write. Problems are in object order, then
 * rule order.
 */
export function checkManifests(
  manifests: readonly unknown[],
  rules: readonly (ObjectRule | GroupRule)[],
  registry: KindRegistry,
  versions: TargetVersions = DEFAULT_TARGET_VERSIONS,
): ManifestProblem[] {
  const objects = manifests.map((manifest) => manifestObject("", undefined, manifest, () => NOWHERE));
  const context: RuleContext = { versions, kinds: registry, complete: true };
  const indexOf = new Map(objects.map((o, i) => [o, i]));
  const problems: ManifestProblem[] = [];
  for (const rule of rules) {
    const found = rule.scope === "object" ? objects.flatMap((object) => rule.check(object, context).map((p) => ({ ...p, object }))) : rule.check(objects, context);
    for (const { object, path, message } of found) {
      if (waiverOf(rule, object) !== "reason") problems.push({ index: indexOf.get(object)!, ruleId: rule.id, severity: rule.severity, path, message });
    }
  }
  return problems.sort((a, b) => a.index - b.index);
}
