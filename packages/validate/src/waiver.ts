import type { ManifestObject } from "./manifest-object.ts";
import { isSuppressible, suppressionAnnotation, type RuleMeta } from "./rule.ts";
import { asObject } from "./support/values.ts";

/**
 * Whether `object` waives `rule` with a `cloudlab.io/allow-<rule-id>` annotation: `reason` when it gives one (the
 * rule's problems in the object are dropped), `empty` when it gives none (they stand), `undefined` without one.
 */
export function waiverOf(rule: RuleMeta, object: ManifestObject): "reason" | "empty" | undefined {
  if (!isSuppressible(rule)) return undefined;
  const value = asObject(asObject(object.raw.metadata)?.annotations)?.[suppressionAnnotation(rule.id)];
  if (value === undefined) return undefined;
  return typeof value === "string" && value.trim() !== "" ? "reason" : "empty";
}
