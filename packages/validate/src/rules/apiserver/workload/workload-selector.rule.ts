import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { isEmptySelector, labelSelectorSelects, mapSelects } from "../../../support/label-selector.ts";
import { asObject, asStringMap, at, isSet, quote } from "../../../support/values.ts";
import { labelSelectorFails } from "../../../support/workload-spec.ts";

const TEMPLATE_LABELS: FieldPath = ["spec", "template", "metadata", "labels"];
const SELECTOR: FieldPath = ["spec", "selector"];

/** The word each kind's "empty selector" message uses (a ReplicaSet's reuses the Deployment's). */
const EMPTY_SELECTOR_NOUN: Readonly<Record<string, string>> = {
  Deployment: "deployment",
  ReplicaSet: "deployment",
  StatefulSet: "statefulset",
  DaemonSet: "daemonset",
};

/**
 * A workload's selector is set, not empty, convertible, and selects its own pod template's labels, as
 * ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidateStatefulSetSpec, ValidateDaemonSetSpec and
 * ValidateReplicationControllerSpec check it. A missing selector selects nothing (so the template's labels do not
 * match it either); an empty one selects everything. A DaemonSet reports a missing selector only as the mismatch; a
 * ReplicationController's selector defaults to its template's labels.
 */
export const workloadSelector: ObjectRule = {
  id: "workload-selector",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Workload selectors are set, non-empty, valid, and match the pod template's labels.",
  upstreamMessage: "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`",
  check(object) {
    const apps = object.apiVersion.startsWith("apps/") && EMPTY_SELECTOR_NOUN[object.kind] !== undefined;
    const rc = object.apiVersion === "v1" && object.kind === "ReplicationController";
    if (!apps && !rc) return [];
    const spec = asObject(object.object.spec);
    if (spec === undefined) return [];
    const labels = asStringMap(at(spec, "template", "metadata", "labels"));
    const problems: RuleProblem[] = [];
    const mismatch = () => problems.push({ path: TEMPLATE_LABELS, message: invalid(labels, "`selector` does not match template `labels`") });
    if (rc) {
      const selector = asStringMap(spec.selector);
      if (Object.keys(selector).length === 0) problems.push({ path: SELECTOR, message: required() });
      else if (!mapSelects(selector, labels)) mismatch();
      return problems;
    }
    const selector = spec.selector;
    const empty = isSet(selector) && isEmptySelector(selector);
    if (object.kind === "DaemonSet") {
      if (!isSet(selector)) mismatch();
      else if (!labelSelectorFails(selector) && !labelSelectorSelects(selector, labels)) mismatch();
      if (empty) problems.push({ path: SELECTOR, message: invalid(selector, "empty selector is invalid for daemonset") });
      return problems;
    }
    if (!isSet(selector)) problems.push({ path: SELECTOR, message: required() });
    else if (empty) problems.push({ path: SELECTOR, message: invalid(selector, `empty selector is invalid for ${EMPTY_SELECTOR_NOUN[object.kind]}`) });
    if (isSet(selector) && labelSelectorFails(selector)) {
      // LabelSelectorAsSelector failed: the StatefulSet's message has no detail.
      const message = object.kind === "StatefulSet" ? `Invalid value: ${quote(selector)}` : invalid(selector, "invalid label selector");
      problems.push({ path: SELECTOR, message });
    } else if (!empty && (!isSet(selector) || !labelSelectorSelects(selector, labels))) mismatch();
    return problems;
  },
};
