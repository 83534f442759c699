import { istioAnnotationDeprecated } from "../../../../src/rules/analysis/annotations/istio-annotation-deprecated.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const template = (annotations: Record<string, string>, labels: Record<string, string> = {}) =>
  deployment((d) => {
    d.spec.template.metadata.annotations = annotations;
    Object.assign(d.spec.template.metadata.labels, labels);
  });

ruleTable(istioAnnotationDeprecated, {
  valid: [
    { name: "current annotations", manifests: [template({ "sidecar.istio.io/proxyCPU": "100m" })] },
    { name: "the inject annotation beside the inject label (kept for compatibility)", manifests: [template({ "sidecar.istio.io/inject": "false" }, { "sidecar.istio.io/inject": "false" })] },
  ],
  invalid: [
    {
      name: "the inject annotation without the label",
      manifests: [template({ "sidecar.istio.io/inject": "false" })],
      errors: ['spec.template.metadata.annotations[sidecar.istio.io/inject]: Annotation "sidecar.istio.io/inject" has been deprecated in favor of the "sidecar.istio.io/inject" label and may not work in future Istio versions. (IST0135)'],
    },
    {
      name: "stats inclusion annotations",
      manifests: [template({ "sidecar.istio.io/statsInclusionPrefixes": "cluster.outbound" })],
      errors: ['spec.template.metadata.annotations[sidecar.istio.io/statsInclusionPrefixes]: Annotation "sidecar.istio.io/statsInclusionPrefixes" has been deprecated and may not work in future Istio versions. (IST0135)'],
    },
  ],
});
