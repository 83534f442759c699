import { IGNORED_NAMESPACES } from "../../../analysis/workload-selection.ts";
import type { ObjectRule } from "../../../rule.ts";
import { asStringMap, at } from "../../../support/values.ts";

/**
 * istioctl's IST0123 (`injection.Analyzer`): a Namespace does not carry both injection labels, `istio-injection` (with
 * a value) and `istio.io/rev`. istio-system and Kubernetes' system namespaces are not checked.
 */
export const namespaceMultipleInjectionLabels: ObjectRule = {
  id: "namespace-multiple-injection-labels",
  category: "analysis",
  code: "IST0123",
  scope: "object",
  severity: "warning",
  description: "A Namespace does not carry both the istio-injection and the istio.io/rev injection labels (istioctl IST0123).",
  upstreamMessage: "Warning [IST0123] (Namespace busted) The namespace has both new and legacy injection labels. Run 'kubectl label namespace busted istio.io/rev-' or 'kubectl label namespace busted istio-injection-'",
  kinds: new Set(["Namespace"]),
  check(object) {
    if (object.kind !== "Namespace" || object.apiVersion !== "v1" || object.name === "istio-system" || IGNORED_NAMESPACES.has(object.name)) return [];
    const labels = asStringMap(at(object.object, "metadata", "labels"));
    if (!("istio.io/rev" in labels) || (labels["istio-injection"] ?? "") === "") return [];
    const name = object.name;
    return [
      {
        path: ["metadata", "labels"],
        message: `The namespace has both new and legacy injection labels. Run 'kubectl label namespace ${name} istio.io/rev-' or 'kubectl label namespace ${name} istio-injection-' (IST0123)`,
      },
    ];
  },
};
