import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isValidLabelValue, notSupported, required } from "../../../support/apiserver-validation.ts";
import { labelSelectorSelects } from "../../../support/label-selector.ts";
import { asObject, asString, asStringMap, at, isSet } from "../../../support/values.ts";
import { labelSelectorFails } from "../../../support/workload-spec.ts";

/** The labels the apiserver gives a Job's pods (and selects them by) unless `manualSelector` is true. */
const UID_LABELS = ["controller-uid", "batch.kubernetes.io/controller-uid"];
const NAME_LABELS = ["job-name", "batch.kubernetes.io/job-name"];
/** Stands for the Job's uid, which is assigned on creation: no value written in a manifest can equal it. */
const UID = "\u0000uid";

const mismatch = "`selector` does not match template `labels`";

/**
 * A Job's selector is the apiserver's to generate: it selects `controller-uid` and labels the pod template with
 * `job-name` (the Job's name, so a label value of at most 63 characters) and `controller-uid`, with and without the
 * `batch.kubernetes.io/` prefix. A Job that writes its own selector or conflicting labels sets `manualSelector: true`,
 * and then needs a selector that matches its template. A CronJob's job template never sets a selector or
 * `manualSelector: true` (its Jobs' selectors are generated).
 */
export const jobSelector: ObjectRule = {
  id: "job-selector",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Job selectors are generated (or manualSelector is true and the selector matches the template); CronJob job templates set none.",
  upstreamMessage: "spec.selector: Invalid value: v1.LabelSelector{…}: `selector` not auto-generated",
  check(object) {
    if (!object.apiVersion.startsWith("batch/")) return [];
    if (object.kind === "CronJob") {
      const spec = asObject(at(object.object, "spec", "jobTemplate", "spec"));
      if (spec === undefined) return [];
      const problems: RuleProblem[] = [];
      if (isSet(spec.selector)) problems.push({ path: ["spec", "jobTemplate", "spec", "selector"], message: invalid(spec.selector, "`selector` will be auto-generated") });
      if (spec.manualSelector === true) problems.push({ path: ["spec", "jobTemplate", "spec", "manualSelector"], message: notSupported(true, ["nil", "false"]) });
      return problems;
    }
    if (object.kind !== "Job") return [];
    const spec = asObject(object.object.spec);
    if (spec === undefined) return [];
    const written = asStringMap(at(spec, "template", "metadata", "labels"));
    const labelsPath = ["spec", "template", "metadata", "labels"];
    const problems: RuleProblem[] = [];
    if (spec.manualSelector === true) {
      if (!isSet(spec.selector)) problems.push({ path: ["spec", "selector"], message: required() });
      if (!isSet(spec.selector) || (!labelSelectorFails(spec.selector) && !labelSelectorSelects(spec.selector, written))) {
        problems.push({ path: labelsPath, message: invalid(written, mismatch) });
      }
      return problems;
    }
    // Generated: the labels the pods get, and those the generated selector must match.
    const name = asString(at(object.object, "metadata", "name")) ?? "";
    const expected: Record<string, string> = {};
    for (const label of UID_LABELS) expected[label] = UID;
    for (const label of NAME_LABELS) expected[label] = name;
    const labels = { ...expected, ...written };
    for (const label of ["controller-uid", "job-name", "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-name"]) {
      if (written[label] === undefined || written[label] === expected[label]) continue;
      const value = expected[label] === UID ? "<the Job's uid, assigned on creation>" : expected[label];
      problems.push({ path: [...labelsPath, key(label)], message: invalid(written, `must be '${value}'`) });
    }
    const selector = spec.selector;
    if (isSet(selector) && !labelSelectorFails(selector) && !labelSelectorSelects(selector, expected)) {
      problems.push({ path: ["spec", "selector"], message: invalid(selector, "`selector` not auto-generated") });
    }
    if (name !== "") {
      for (const label of NAME_LABELS) {
        if (written[label] !== undefined) continue;
        for (const message of isValidLabelValue(name)) problems.push({ path: ["spec", "template", "labels"], message: invalid(name, message) });
      }
    }
    if (isSet(selector) && !labelSelectorFails(selector) && !labelSelectorSelects(selector, labels)) {
      const shown = Object.fromEntries(Object.entries(labels).map(([label, value]) => [label, value === UID ? "<uid>" : value]));
      problems.push({ path: labelsPath, message: invalid(shown, mismatch) });
    }
    return problems;
  },
};
