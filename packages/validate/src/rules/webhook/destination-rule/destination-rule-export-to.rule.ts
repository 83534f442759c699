import type { ObjectRule } from "../../../rule.ts";
import { effectiveNamespace } from "../../../manifest-object.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { checkExportTo, checkSelectorLabels } from "../../../support/istio/policy-fields.ts";
import { asObject, isSet } from "../../../support/values.ts";

/**
 * istiod's visibility checks of a DestinationRule: `exportTo` lists `.`, `*` or namespaces without duplicates and
 * `*` alone; a rule with a workload selector is exported to its own namespace only, and its selector labels have
 * no empty keys or wildcards.
 */
export const destinationRuleExportTo: ObjectRule = {
  id: "destination-rule-export-to",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "DestinationRule `exportTo` lists `.`, `*` or namespaces without duplicates (only its own namespace with a workload selector), and workload selector labels have no empty keys or wildcards.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: destination rule with workload selector cannot have exportTo beyond current namespace',
  kinds: new Set(["DestinationRule"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "DestinationRule");
    if (spec === undefined) return [];
    const problems = new Problems();
    checkExportTo(spec, effectiveNamespace(object), problems, { selector: isSet(spec.workloadSelector) });
    checkSelectorLabels(asObject(spec.workloadSelector)?.matchLabels, ["spec", "workloadSelector", "matchLabels"], problems);
    return problems.list;
  },
};
