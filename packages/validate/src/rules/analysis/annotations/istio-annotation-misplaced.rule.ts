import { annotationSites, ISTIO_ANNOTATIONS } from "../../../analysis/istio-annotations.ts";
import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";

/**
 * istioctl's IST0107 (`annotations.K8sAnalyzer`): an Istio annotation is on a kind it applies to (pod annotations on
 * Pods and pod templates, not on the workload's own metadata). Annotations that apply to any kind are never misplaced.
 */
export const istioAnnotationMisplaced: ObjectRule = {
  id: "istio-annotation-misplaced",
  category: "analysis",
  code: "IST0107",
  scope: "object",
  severity: "warning",
  description: "Every Istio annotation is on a kind it applies to, e.g. sidecar annotations on the pod template, not the workload (istioctl IST0107).",
  upstreamMessage: "Warning [IST0107] (Deployment shop/web) Misplaced annotation: sidecar.istio.io/inject can only be applied to Pod",
  check(object) {
    const problems: RuleProblem[] = [];
    for (const site of annotationSites(object)) {
      for (const name of Object.keys(site.annotations)) {
        const resources = ISTIO_ANNOTATIONS.get(name)?.resources;
        if (resources === undefined || resources.includes("Any") || resources.includes(site.kind)) continue;
        problems.push({ path: [...site.path, key(name)], message: `Misplaced annotation: ${name} can only be applied to ${resources.join(", ")} (IST0107)` });
      }
    }
    return problems;
  },
};
