import type { ObjectRule } from "../../../rule.ts";
import { invalid, isDns1123Subdomain } from "../../../support/apiserver-validation.ts";
import { at } from "../../../support/values.ts";

/** A PersistentVolumeClaim's storage class name, when not empty, is a DNS-1123 subdomain (the name of a StorageClass). */
export const pvcStorageClassName: ObjectRule = {
  id: "pvc-storage-class-name",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "PersistentVolumeClaim storageClassName is empty or a DNS-1123 subdomain.",
  upstreamMessage: 'spec.storageClassName: Invalid value: "Fast_SSD": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (…)',
  kinds: new Set(["PersistentVolumeClaim"]),
  check(object) {
    if (object.kind !== "PersistentVolumeClaim" || object.apiVersion !== "v1") return [];
    const name = at(object.object, "spec", "storageClassName");
    if (typeof name !== "string" || name === "") return [];
    return isDns1123Subdomain(name).map((message) => ({ path: ["spec", "storageClassName"], message: invalid(name, message) }));
  },
};
