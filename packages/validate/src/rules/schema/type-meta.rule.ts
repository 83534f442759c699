import type { ObjectRule, RuleProblem } from "../../rule.ts";
import { invalid, required } from "../../support/apiserver-validation.ts";
import { isObject } from "../../support/values.ts";

/** Layer 2: a document is an object with an `apiVersion` and a `kind`; nothing else can be checked without them. */
export const typeMeta: ObjectRule = {
  id: "type-meta",
  category: "schema",
  scope: "object",
  severity: "error",
  stops: "rest",
  description: "Every YAML document is a mapping with a string `apiVersion` and `kind`.",
  upstreamMessage: "error validating data: [apiVersion not set, kind not set]",
  check(object) {
    const document = object.document;
    if (!isObject(document)) {
      return [{ path: [], message: invalid(Array.isArray(document) ? "array" : typeof document, "a Kubernetes object must be a YAML mapping") }];
    }
    const problems: RuleProblem[] = [];
    for (const field of ["apiVersion", "kind"] as const) {
      const value = document[field];
      if (value === undefined || value === null || value === "") problems.push({ path: [field], message: required(`${field} not set`) });
      else if (typeof value !== "string") problems.push({ path: [field], message: invalid(value, "must be of type string") });
    }
    return problems;
  },
};
