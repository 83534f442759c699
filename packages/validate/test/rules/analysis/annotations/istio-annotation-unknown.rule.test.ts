import { istioAnnotationUnknown } from "../../../../src/rules/analysis/annotations/istio-annotation-unknown.rule.ts";
import { deployment, service } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const templateAnnotations = (annotations: Record<string, string>) => deployment((d) => { d.spec.template.metadata.annotations = annotations; });

ruleTable(istioAnnotationUnknown, {
  valid: [
    { name: "known sidecar annotations on the pod template", manifests: [templateAnnotations({ "sidecar.istio.io/proxyCPU": "100m", "proxy.istio.io/config": "holdApplicationUntilProxyStarts: true", "traffic.sidecar.istio.io/excludeOutboundPorts": "5432" })] },
    { name: "annotations outside Istio's namespace (a prefix not ending in istio.io)", manifests: [templateAnnotations({ "prometheus.io/scrape": "true", "istio.example.com/x": "y", "example.com/istio.io": "z" })] },
    { name: "kinds the analyzer does not look at", manifests: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "shop", annotations: { "sidecar.istio.io/foo": "x" } }, data: {} }] },
  ],
  invalid: [
    {
      name: "a typo on the pod template, an unknown key on a Service",
      manifests: [templateAnnotations({ "sidecar.istio.io/proxyCPUs": "100m" }), service((s) => { s.metadata.annotations = { "networking.istio.io/exportto": "shop" }; })],
      errors: ["spec.template.metadata.annotations[sidecar.istio.io/proxyCPUs]: Unknown annotation: sidecar.istio.io/proxyCPUs (IST0108)", "metadata.annotations[networking.istio.io/exportto]: Unknown annotation: networking.istio.io/exportto (IST0108)"],
    },
    { name: "a label of Istio's written as an annotation", manifests: [{ apiVersion: "v1", kind: "Namespace", metadata: { name: "shop", annotations: { "istio.io/dataplane-mode": "ambient" } } }], errors: ["metadata.annotations[istio.io/dataplane-mode]: Unknown annotation: istio.io/dataplane-mode (IST0108)"] },
  ],
});
