import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden, invalid, isDns1123Subdomain, required } from "../../../support/apiserver-validation.ts";
import { parseQuantity } from "../../../support/quantity.ts";
import { asArray, asObject, at } from "../../../support/values.ts";

/** Access modes at 1.28 (ReadWriteOncePod is beta and on). */
const ACCESS_MODES = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];

/** Said after each message: the apiserver accepts the StatefulSet; its claims are what fail. */
const CONSEQUENCE = " (the StatefulSet is accepted, but the claims its controller creates from this template are rejected)";

/**
 * A StatefulSet's `volumeClaimTemplates` are valid PersistentVolumeClaim specs (ValidatePersistentVolumeClaimSpec):
 * at least one access mode (ReadWriteOncePod alone), a positive `resources.requests.storage` and a DNS subdomain
 * `storageClassName` (access and volume modes are enums: the schema layer's). At 1.28 the apiserver does not check them when the
 * StatefulSet is created: the StatefulSet controller's claims are rejected later and its pods stay Pending. Hence a
 * warning, with the error the claim will get.
 */
export const statefulsetVolumeClaimTemplates: ObjectRule = {
  id: "statefulset-volume-claim-templates",
  category: "apiserver",
  scope: "object",
  severity: "warning",
  description: "A StatefulSet's volume claim templates are valid claims: access modes, a positive storage request and a valid storage class.",
  upstreamMessage: "spec.accessModes: Required value: at least 1 access mode is required",
  kinds: new Set(["StatefulSet"]),
  check(object) {
    if (object.kind !== "StatefulSet" || !object.apiVersion.startsWith("apps/")) return [];
    const problems: RuleProblem[] = [];
    asArray(at(object.object, "spec", "volumeClaimTemplates")).forEach((item, index) => {
      const spec = asObject(asObject(item)?.spec);
      const path = ["spec", "volumeClaimTemplates", index, "spec"];
      const add = (field: RuleProblem["path"], message: string) => problems.push({ path: [...path, ...field], message: message + CONSEQUENCE });
      const modes = asArray(spec?.accessModes);
      if (modes.length === 0) add(["accessModes"], required("at least 1 access mode is required"));
      const known = modes.filter((mode): mode is string => typeof mode === "string" && ACCESS_MODES.includes(mode));
      if (known.includes("ReadWriteOncePod") && known.some((mode) => mode !== "ReadWriteOncePod")) {
        add(["accessModes"], forbidden("may not use ReadWriteOncePod with other access modes"));
      }
      const storage = at(spec, "resources", "requests", "storage");
      const parsed = typeof storage === "string" ? parseQuantity(storage) : typeof storage === "number" ? parseQuantity(String(storage)) : undefined;
      if (storage === undefined || storage === null) add(["resources", key("storage")], required());
      else if (parsed !== undefined && parsed.mantissa <= 0n) add(["resources", key("storage")], invalid(String(storage), "must be greater than zero"));
      const storageClass = spec?.storageClassName;
      if (typeof storageClass === "string" && storageClass !== "") for (const message of isDns1123Subdomain(storageClass)) add(["storageClassName"], invalid(storageClass, message));
    });
    return problems;
  },
};
