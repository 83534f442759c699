import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { notSupported } from "../../../support/apiserver-validation.ts";
import { asObject, at } from "../../../support/values.ts";

/**
 * A StatefulSet's `persistentVolumeClaimRetentionPolicy` says `Retain` (the default) or `Delete` for `whenDeleted`
 * and `whenScaled` (StatefulSetAutoDeletePVC, beta and on at 1.28).
 */
export const statefulsetPvcRetentionPolicy: ObjectRule = {
  id: "statefulset-pvc-retention-policy",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A StatefulSet's persistentVolumeClaimRetentionPolicy whenDeleted and whenScaled are Retain or Delete.",
  upstreamMessage: "spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: \"Keep\": supported values: \"Retain\", \"Delete\"",
  kinds: new Set(["StatefulSet"]),
  check(object) {
    if (object.kind !== "StatefulSet" || !object.apiVersion.startsWith("apps/")) return [];
    const policy = asObject(at(object.object, "spec", "persistentVolumeClaimRetentionPolicy"));
    if (policy === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const field of ["whenDeleted", "whenScaled"]) {
      const value = policy[field];
      if (value === undefined || value === null || value === "" || value === "Retain" || value === "Delete") continue;
      problems.push({ path: ["spec", "persistentVolumeClaimRetentionPolicy", field], message: notSupported(value, ["Retain", "Delete"]) });
    }
    return problems;
  },
};
