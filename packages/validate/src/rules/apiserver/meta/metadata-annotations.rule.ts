import { key, type FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isQualifiedName } from "../../../support/apiserver-validation.ts";
import { podTemplatePath } from "../../../support/pod-spec.ts";
import { asObject, at } from "../../../support/values.ts";

/** The apiserver's limit on all annotations of one object together. */
const TOTAL_ANNOTATION_BYTES = 256 * 1024;

function checkAnnotations(annotations: unknown, path: FieldPath, problems: RuleProblem[]): void {
  const map = asObject(annotations);
  if (map === undefined) return;
  let total = 0;
  for (const [name, value] of Object.entries(map)) {
    for (const message of isQualifiedName(name.toLowerCase())) problems.push({ path: [...path, key(name)], message: invalid(name, message) });
    total += Buffer.byteLength(name) + (typeof value === "string" ? Buffer.byteLength(value) : 0);
  }
  if (total > TOTAL_ANNOTATION_BYTES) problems.push({ path, message: `Too long: must have at most ${TOTAL_ANNOTATION_BYTES} bytes` });
}

/** Annotation keys are qualified names (case-insensitively) and all annotations of an object fit in 256 KiB. */
export const metadataAnnotations: ObjectRule = {
  id: "metadata-annotations",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Annotation keys are qualified names and an object's annotations total at most 256 KiB, on objects and pod templates.",
  upstreamMessage: "metadata.annotations: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, … with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
  check(object) {
    const problems: RuleProblem[] = [];
    checkAnnotations(at(object.raw, "metadata", "annotations"), ["metadata", "annotations"], problems);
    const template = podTemplatePath(object.apiVersion, object.kind);
    if (template !== undefined) checkAnnotations(at(object.raw, ...template, "metadata", "annotations"), [...template, "metadata", "annotations"], problems);
    return problems;
  },
};
