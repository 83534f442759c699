import { namespaceOf } from "../../../analysis/environment-index.ts";
import { namespaceInAmbientMode, namespaceLabels, podInAmbientMode, selectorMatches } from "../../../analysis/workload-selection.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asStringMap, at } from "../../../support/values.ts";

const isSidecar = (o: ManifestObject) => o.kind === "Sidecar" && apiGroup(o.apiVersion) === "networking.istio.io";

/**
 * istioctl's IST0167 (`sidecar.SelectorAnalyzer`): a Sidecar has an effect: it selects no pod in ambient mode (annotated
 * `ambient.istio.io/redirection: enabled`), and a namespace-wide one is not in a namespace labelled
 * `istio.io/dataplane-mode=ambient` (without `istio-injection=enabled` or `istio.io/rev`). Ambient pods run no sidecar.
 */
export const sidecarIneffective: GroupRule = {
  id: "sidecar-ineffective",
  category: "analysis",
  code: "IST0167",
  scope: "group",
  severity: "warning",
  description: "No Sidecar applies only to ambient-mode pods or namespaces, where it has no effect (istioctl IST0167).",
  upstreamMessage: "Warning [IST0167] (Sidecar ns-ambient/namespace-scoped) The policy has no impact: namespace is in ambient mode, the policy has no impact.",
  check(objects) {
    const sidecars = objects.filter(isSidecar);
    if (sidecars.length === 0) return [];
    const selectorOf = (o: ManifestObject) => asStringMap(at(o.object, "spec", "workloadSelector", "labels"));
    const { selected } = selectorMatches(objects, sidecars, selectorOf);
    const namespaces = namespaceLabels(objects);
    const problems: GroupProblem[] = [];
    for (const sidecar of sidecars) {
      const pods = selected.get(sidecar);
      if (pods !== undefined) {
        if (pods.some(podInAmbientMode)) {
          problems.push({ object: sidecar, path: ["spec", "workloadSelector", "labels"], message: "The policy has no impact: selected workload is in ambient mode, the policy has no impact. (IST0167)" });
        }
      } else if (namespaceInAmbientMode(namespaces.get(namespaceOf(sidecar) ?? "default"))) {
        problems.push({ object: sidecar, path: ["metadata", "name"], message: "The policy has no impact: namespace is in ambient mode, the policy has no impact. (IST0167)" });
      }
    }
    return problems;
  },
};
