import { annotationSites, ISTIO_ANNOTATIONS, isIstioAnnotation } from "../../../analysis/istio-annotations.ts";
import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";

/**
 * istioctl's IST0108 (`annotations.K8sAnalyzer`): every annotation in Istio's namespace (a key whose prefix ends with
 * `istio.io`) on a Namespace, Service, Pod, workload or pod template is one Istio defines.
 */
export const istioAnnotationUnknown: ObjectRule = {
  id: "istio-annotation-unknown",
  category: "analysis",
  code: "IST0108",
  scope: "object",
  severity: "warning",
  description: "Every *.istio.io annotation on a Namespace, Service, Pod, workload or pod template is one Istio defines (istioctl IST0108).",
  upstreamMessage: "Warning [IST0108] (Pod shop/web) Unknown annotation: sidecar.istio.io/proxyCPUs",
  check(object) {
    const problems: RuleProblem[] = [];
    for (const site of annotationSites(object)) {
      for (const name of Object.keys(site.annotations)) {
        if (!isIstioAnnotation(name) || ISTIO_ANNOTATIONS.has(name)) continue;
        problems.push({ path: [...site.path, key(name)], message: `Unknown annotation: ${name} (IST0108)` });
      }
    }
    return problems;
  },
};
