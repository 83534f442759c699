import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden, required } from "../../../support/apiserver-validation.ts";
import { asArray, asObject } from "../../../support/values.ts";

const ACCESS_MODES = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];

/** A PersistentVolumeClaim has at least one access mode, and ReadWriteOncePod only on its own. */
export const pvcAccessModes: ObjectRule = {
  id: "pvc-access-modes",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "PersistentVolumeClaims have at least one access mode, and ReadWriteOncePod only on its own.",
  upstreamMessage: "spec.accessModes: Required value: at least 1 access mode is required",
  kinds: new Set(["PersistentVolumeClaim"]),
  check(object) {
    if (object.kind !== "PersistentVolumeClaim" || object.apiVersion !== "v1") return [];
    const spec = asObject(object.object.spec);
    if (spec === undefined) return [];
    const modes = asArray(spec.accessModes);
    const problems: RuleProblem[] = [];
    if (modes.length === 0) problems.push({ path: ["spec", "accessModes"], message: required("at least 1 access mode is required") });
    let readWriteOncePod = false;
    let others = false;
    for (const mode of modes) {
      if (typeof mode !== "string") continue;
      if (!ACCESS_MODES.includes(mode)) continue; // the schema layer reports it
      if (mode === "ReadWriteOncePod") readWriteOncePod = true;
      else others = true;
    }
    if (readWriteOncePod && others) problems.push({ path: ["spec", "accessModes"], message: forbidden("may not use ReadWriteOncePod with other access modes") });
    return problems;
  },
};
