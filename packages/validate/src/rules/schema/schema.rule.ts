import type { ObjectRule } from "../../rule.ts";
import { schemaProblems } from "../../schema/schema-problems.ts";

/**
 * Layer 2: the object against its kind's schema from the kubernetes-models packages: types, required fields, enums,
 * formats (quantities, int-or-string), after the apiserver's defaulting. An object that fails it is not checked by the
 * semantic layers.
 */
export const schema: ObjectRule = {
  id: "schema",
  category: "schema",
  scope: "object",
  severity: "error",
  stops: "semantic",
  description: "Every object of a known kind matches its schema: field types, required fields, enumerations and formats.",
  upstreamMessage: 'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
  check(object, { kinds }) {
    const entry = kinds.find(object.apiVersion, object.kind);
    if (entry === undefined) return [];
    // After the apiserver's defaulting, as the apiserver checks it: a field the schema lists as required but the
    // apiserver fills in (a pod failure policy pattern's `status`, …) is not missing.
    return schemaProblems(kinds.schemaErrors(entry, object.object), object.object);
  },
};
