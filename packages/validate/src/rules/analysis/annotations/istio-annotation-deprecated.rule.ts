import { annotationSites, ISTIO_ANNOTATIONS } from "../../../analysis/istio-annotations.ts";
import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";

const INJECT = "sidecar.istio.io/inject";

/**
 * istioctl's IST0135 (`annotations.K8sAnalyzer`, Info in istioctl): no deprecated Istio annotation on a Namespace,
 * Service, Pod, workload or pod template. The `sidecar.istio.io/inject` annotation beside the label of that name
 * (kept for compatibility) is not reported.
 */
export const istioAnnotationDeprecated: ObjectRule = {
  id: "istio-annotation-deprecated",
  category: "analysis",
  code: "IST0135",
  scope: "object",
  severity: "warning",
  description: "No deprecated Istio annotation is used on a Namespace, Service, Pod, workload or pod template (istioctl IST0135).",
  upstreamMessage: 'Info [IST0135] (Pod shop/web) Annotation "sidecar.istio.io/inject" has been deprecated in favor of the "sidecar.istio.io/inject" label and may not work in future Istio versions.',
  check(object) {
    const problems: RuleProblem[] = [];
    for (const site of annotationSites(object)) {
      for (const name of Object.keys(site.annotations)) {
        if (ISTIO_ANNOTATIONS.get(name)?.deprecated !== true) continue;
        if (name === INJECT && INJECT in site.labels) continue;
        const extra = name === INJECT ? ` in favor of the "${INJECT}" label` : "";
        problems.push({ path: [...site.path, key(name)], message: `Annotation "${name}" has been deprecated${extra} and may not work in future Istio versions. (IST0135)` });
      }
    }
    return problems;
  },
};
