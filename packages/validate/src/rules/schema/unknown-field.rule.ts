import { formatPath } from "../../field-path.ts";
import type { ObjectRule } from "../../rule.ts";
import { unknownFields } from "../../schema/unknown-fields.ts";

/**
 * Layer 3: strict field validation (on by default in kube-apiserver since 1.27). The known fields come from the
 * kind catalog generated from the models' TypeScript declarations; free-form objects, maps and int-or-string fields
 * stay open.
 */
export const unknownField: ObjectRule = {
  id: "unknown-field",
  category: "schema",
  scope: "object",
  severity: "error",
  description: "Every field of an object of a known kind is declared by its schema: a misspelled field is an error, not silently dropped.",
  upstreamMessage: 'strict decoding error: unknown field "spec.replicaz"',
  check(object, { kinds }) {
    const entry = kinds.find(object.apiVersion, object.kind);
    if (entry === undefined) return [];
    return unknownFields(object.raw, entry.shape, kinds).map((path) => ({ path, message: `unknown field "${formatPath(path)}"` }));
  },
};
