import { key } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { formatQuantity, quantitySign, quantityValue } from "../../../support/quantity-format.ts";
import { asObject, at } from "../../../support/values.ts";

/**
 * A PersistentVolumeClaim requests `storage`, and more than zero of it. The apiserver writes the path
 * `spec.resources[storage]` (without `requests`).
 */
export const pvcStorageRequest: ObjectRule = {
  id: "pvc-storage-request",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "PersistentVolumeClaims request a storage size greater than zero.",
  upstreamMessage: "spec.resources[storage]: Required value",
  kinds: new Set(["PersistentVolumeClaim"]),
  check(object) {
    if (object.kind !== "PersistentVolumeClaim" || object.apiVersion !== "v1") return [];
    if (asObject(object.object.spec) === undefined) return [];
    const path = ["spec", "resources", key("storage")];
    const requests = asObject(at(object.object, "spec", "resources", "requests"));
    if (requests === undefined || !Object.hasOwn(requests, "storage")) return [{ path, message: required() }];
    const value = quantityValue(requests.storage);
    if (value === undefined || quantitySign(value) > 0) return [];
    return [{ path, message: invalid(formatQuantity(value), "must be greater than zero") }];
  },
};
