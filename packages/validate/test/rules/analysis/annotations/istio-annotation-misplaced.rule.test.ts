import { istioAnnotationMisplaced } from "../../../../src/rules/analysis/annotations/istio-annotation-misplaced.rule.ts";
import { deployment, service } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(istioAnnotationMisplaced, {
  valid: [
    { name: "pod annotations on the pod template", manifests: [deployment((d) => { d.spec.template.metadata.annotations = { "sidecar.istio.io/proxyCPU": "100m" }; })] },
    { name: "exportTo on a Service", manifests: [service((s) => { s.metadata.annotations = { "networking.istio.io/exportTo": "shop" }; })] },
    { name: "annotations that apply to any kind", manifests: [deployment((d) => { d.metadata.annotations = { "galley.istio.io/analyze-suppress": "IST0118" }; })] },
    { name: "a Namespace annotation on a Namespace", manifests: [{ apiVersion: "v1", kind: "Namespace", metadata: { name: "istio-system", annotations: { "topology.istio.io/controlPlaneClusters": "*" } } }] },
  ],
  invalid: [
    {
      name: "a pod annotation on the Deployment's own metadata",
      manifests: [deployment((d) => { d.metadata.annotations = { "sidecar.istio.io/inject": "false" }; })],
      errors: ["metadata.annotations[sidecar.istio.io/inject]: Misplaced annotation: sidecar.istio.io/inject can only be applied to Pod (IST0107)"],
    },
    {
      name: "a Service annotation on a pod template, one for two kinds on a Service's neighbour",
      manifests: [deployment((d) => { d.spec.template.metadata.annotations = { "networking.istio.io/exportTo": "shop", "networking.istio.io/traffic-distribution": "PreferClose" }; })],
      errors: [
        "spec.template.metadata.annotations[networking.istio.io/exportTo]: Misplaced annotation: networking.istio.io/exportTo can only be applied to Service (IST0107)",
        "spec.template.metadata.annotations[networking.istio.io/traffic-distribution]: Misplaced annotation: networking.istio.io/traffic-distribution can only be applied to Service, ServiceEntry (IST0107)",
      ],
    },
  ],
});
