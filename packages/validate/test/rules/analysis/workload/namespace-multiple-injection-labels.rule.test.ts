import { namespaceMultipleInjectionLabels } from "../../../../src/rules/analysis/workload/namespace-multiple-injection-labels.rule.ts";
import { ruleTable } from "../../rule-table.ts";

const namespace = (name: string, labels: Record<string, string>) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });

ruleTable(namespaceMultipleInjectionLabels, {
  valid: [
    { name: "one injection label", manifests: [namespace("shop", { "istio-injection": "enabled" }), namespace("api", { "istio.io/rev": "canary" })] },
    { name: "an empty istio-injection label beside istio.io/rev", manifests: [namespace("shop", { "istio-injection": "", "istio.io/rev": "canary" })] },
    { name: "istio-system and Kubernetes' system namespaces are not checked", manifests: [namespace("istio-system", { "istio-injection": "disabled", "istio.io/rev": "default" }), namespace("kube-system", { "istio-injection": "disabled", "istio.io/rev": "default" })] },
  ],
  invalid: [
    {
      name: "both labels (even istio-injection=disabled)",
      manifests: [namespace("busted", { "istio-injection": "disabled", "istio.io/rev": "canary" })],
      errors: ["metadata.labels: The namespace has both new and legacy injection labels. Run 'kubectl label namespace busted istio.io/rev-' or 'kubectl label namespace busted istio-injection-' (IST0123)"],
    },
  ],
});
