import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { duplicate, forbidden, invalid, isQualifiedName, required } from "../../../support/apiserver-validation.ts";
import { containerResourceNameErrors, resourceNameErrors } from "../../../support/core-resources.ts";
import { asArray, asObject, asString } from "../../../support/values.ts";

const STANDARD_TYPES: ReadonlySet<string> = new Set(["Pod", "Container", "PersistentVolumeClaim"]);
const FIELDS = ["max", "min", "default", "defaultRequest", "maxLimitRequestRatio"] as const;

/** `validateLimitRangeTypeName`. */
function typeErrors(type: string): string[] {
  const errors = isQualifiedName(type);
  if (errors.length > 0) return errors;
  return !type.includes("/") && !STANDARD_TYPES.has(type) ? ["must be a standard limit type or fully qualified"] : [];
}

/**
 * Each LimitRange item has a known (or prefixed) type, used once; Pod items set no `default` or `defaultRequest`;
 * PersistentVolumeClaim items bound storage with a min or a max; resource names suit the type (container
 * resources for Pod and Container items). The PVC requirement is reported at `spec.limits[i].limits`, as the
 * apiserver does.
 */
export const limitRangeTypes: ObjectRule = {
  id: "limit-range-types",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "LimitRange items have a valid, unique type and resource names that suit it; Pod items set no defaults and PersistentVolumeClaim items a storage min or max.",
  upstreamMessage: "spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'",
  kinds: new Set(["LimitRange"]),
  check(object) {
    if (object.kind !== "LimitRange" || object.apiVersion !== "v1") return [];
    const problems: RuleProblem[] = [];
    const types = new Set<string>();
    asArray(asObject(object.object.spec)?.limits).forEach((value, index) => {
      const item = asObject(value);
      if (item === undefined) return;
      const path = ["spec", "limits", index];
      const type = asString(item.type) ?? "";
      for (const message of typeErrors(type)) problems.push({ path: [...path, "type"], message: invalid(type, message) });
      if (types.has(type)) problems.push({ path: [...path, "type"], message: duplicate(type) });
      types.add(type);
      const nameErrors = type === "Pod" || type === "Container" ? containerResourceNameErrors : resourceNameErrors;
      for (const field of FIELDS) {
        const resources = asObject(item[field]);
        if (resources === undefined) continue;
        if (type === "Pod" && (field === "default" || field === "defaultRequest")) {
          if (Object.keys(resources).length > 0) problems.push({ path: [...path, field], message: forbidden("may not be specified when `type` is 'Pod'") });
          continue;
        }
        for (const name of Object.keys(resources)) {
          for (const message of nameErrors(name)) problems.push({ path: [...path, field, key(name)], message: invalid(name, message) });
        }
      }
      if (type === "PersistentVolumeClaim" && asObject(item.min)?.storage === undefined && asObject(item.max)?.storage === undefined) {
        problems.push({ path: [...path, "limits"], message: required("either minimum or maximum storage value is required, but neither was provided") });
      }
    });
    return problems;
  },
};
