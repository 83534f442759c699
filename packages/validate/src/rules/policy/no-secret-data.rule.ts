import type { ObjectRule } from "../../rule.ts";
import { forbidden } from "../../support/apiserver-validation.ts";
import { asObject } from "../../support/values.ts";

/** Secret values never live in git: a Secret in the manifests carries no `data` or `stringData`. */
export const noSecretData: ObjectRule = {
  id: "no-secret-data",
  category: "policy",
  scope: "object",
  severity: "error",
  description: "No Secret object with data or stringData is committed; secret values come from a secret store.",
  kinds: new Set(["Secret"]),
  check(object) {
    if (object.kind !== "Secret" || object.apiVersion !== "v1") return [];
    return ["data", "stringData"]
      .filter((field) => Object.keys(asObject(object.raw[field]) ?? {}).length > 0)
      .map((field) => ({ path: [field], message: forbidden(`Secret ${field} must not be committed to git; deliver it from a secret store (e.g. an ExternalSecret or a SealedSecret)`) }));
  },
};
