import { annotationSites, annotationValueProblem, ISTIO_ANNOTATIONS } from "../../../analysis/istio-annotations.ts";
import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";

/**
 * istioctl's IST0125 (`annotations.K8sAnalyzer` with the injector's `AnnotationValidation`): the value of a sidecar
 * annotation the injector validates (interception mode, status port, readiness probe numbers, traffic port and IP
 * range lists, prometheus merge-metrics) parses, where the annotation is placed right.
 */
export const istioAnnotationInvalid: ObjectRule = {
  id: "istio-annotation-invalid",
  category: "analysis",
  code: "IST0125",
  scope: "object",
  severity: "warning",
  description: "The values of the Istio sidecar annotations the injector validates parse (istioctl IST0125).",
  upstreamMessage: "Warning [IST0125] (Pod shop/web) Invalid annotation sidecar.istio.io/interceptionMode: interceptionMode invalid, use REDIRECT,TPROXY,NONE: DNAT",
  check(object) {
    const problems: RuleProblem[] = [];
    for (const site of annotationSites(object)) {
      for (const [name, value] of Object.entries(site.annotations)) {
        if (ISTIO_ANNOTATIONS.get(name)?.resources.includes(site.kind) !== true) continue;
        const problem = annotationValueProblem(name, value);
        if (problem !== undefined) problems.push({ path: [...site.path, key(name)], message: `Invalid annotation ${name}: ${problem} (IST0125)` });
      }
    }
    return problems;
  },
};
