import { key, type FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isQualifiedName, isValidLabelValue } from "../../../support/apiserver-validation.ts";
import { podTemplatePath } from "../../../support/pod-spec.ts";
import { asArray, asObject, at } from "../../../support/values.ts";

function checkLabels(labels: unknown, path: FieldPath, problems: RuleProblem[]): void {
  const map = asObject(labels);
  if (map === undefined) return;
  for (const [name, value] of Object.entries(map)) {
    const where = [...path, key(name)];
    for (const message of isQualifiedName(name)) problems.push({ path: where, message: invalid(name, message) });
    if (typeof value === "string") for (const message of isValidLabelValue(value)) problems.push({ path: where, message: invalid(value, message) });
  }
}

function checkSelector(selector: unknown, path: FieldPath, problems: RuleProblem[]): void {
  checkLabels(asObject(selector)?.matchLabels, [...path, "matchLabels"], problems);
  asArray(asObject(selector)?.matchExpressions).forEach((item, index) => {
    const name = asObject(item)?.key;
    if (typeof name !== "string") return;
    for (const message of isQualifiedName(name)) problems.push({ path: [...path, "matchExpressions", index, "key"], message: invalid(name, message) });
  });
}

/** Kinds whose `spec.selector` is a label selector, and Kubernetes' map-style selectors. */
const LABEL_SELECTOR_KINDS = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "PodDisruptionBudget"]);
const MAP_SELECTOR_KINDS = new Set(["Service", "ReplicationController"]);

/**
 * Label keys are qualified names (`[prefix/]name`, a DNS subdomain prefix and a name of at most 63 characters) and
 * label values at most 63 characters of alphanumerics, '-', '_' and '.': on the object, on its pod template and in
 * its selector.
 */
export const metadataLabels: ObjectRule = {
  id: "metadata-labels",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Label keys are qualified names and label values valid label values (63 characters at most), on objects, pod templates and selectors.",
  upstreamMessage:
    "metadata.labels: Invalid value: \"-bad\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (…)",
  check(object) {
    const problems: RuleProblem[] = [];
    checkLabels(at(object.raw, "metadata", "labels"), ["metadata", "labels"], problems);
    const template = podTemplatePath(object.apiVersion, object.kind);
    if (template !== undefined) checkLabels(at(object.raw, ...template, "metadata", "labels"), [...template, "metadata", "labels"], problems);
    if (LABEL_SELECTOR_KINDS.has(object.kind)) checkSelector(at(object.raw, "spec", "selector"), ["spec", "selector"], problems);
    if (MAP_SELECTOR_KINDS.has(object.kind) && !object.apiVersion.includes("/")) checkLabels(at(object.raw, "spec", "selector"), ["spec", "selector"], problems);
    return problems;
  },
};
