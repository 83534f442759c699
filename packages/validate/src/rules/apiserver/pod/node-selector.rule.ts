import type { ObjectRule } from "../../../rule.ts";
import { validateLabels } from "../../../support/label-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";

/**
 * A pod's `nodeSelector` is a valid label map: qualified-name keys and label values. The apiserver reports both at
 * `nodeSelector` itself, not at the key.
 */
export const nodeSelector: ObjectRule = {
  id: "node-selector",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A pod's nodeSelector keys are qualified names and its values valid label values.",
  upstreamMessage:
    "spec.template.spec.nodeSelector: Invalid value: \"-amd64\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (…)",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    return validateLabels(pod.spec.nodeSelector, [...pod.path, "nodeSelector"]);
  },
};
