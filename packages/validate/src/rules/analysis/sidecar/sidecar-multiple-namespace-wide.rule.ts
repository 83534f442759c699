import { namespaceOf } from "../../../analysis/environment-index.ts";
import { namespaceInAmbientMode, namespaceLabels, pushTo } from "../../../analysis/workload-selection.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asStringMap, at } from "../../../support/values.ts";

/**
 * istioctl's IST0111 (`sidecar.SelectorAnalyzer`): a namespace has at most one Sidecar without workload selector labels
 * (a namespace in ambient mode is IST0167's).
 */
export const sidecarMultipleNamespaceWide: GroupRule = {
  id: "sidecar-multiple-namespace-wide",
  category: "analysis",
  code: "IST0111",
  scope: "group",
  severity: "error",
  description: "A namespace has at most one Sidecar without a workload selector (istioctl IST0111).",
  upstreamMessage: 'Error [IST0111] (Sidecar shop/a) The Sidecars [a b] in namespace "shop" have no workload selector, which can lead to undefined behavior.',
  check(objects) {
    const byNamespace = new Map<string, ManifestObject[]>();
    for (const object of objects) {
      if (object.kind !== "Sidecar" || apiGroup(object.apiVersion) !== "networking.istio.io") continue;
      if (Object.keys(asStringMap(at(object.object, "spec", "workloadSelector", "labels"))).length > 0) continue;
      const namespace = namespaceOf(object) ?? "default";
      pushTo(byNamespace, namespace, object);
    }
    const problems: GroupProblem[] = [];
    for (const [namespace, sidecars] of byNamespace) {
      if (sidecars.length < 2 || namespaceInAmbientMode(namespaceLabels(objects).get(namespace))) continue;
      const names = sidecars.map((s) => s.name).sort();
      for (const sidecar of sidecars) {
        problems.push({ object: sidecar, path: ["metadata", "name"], message: `The Sidecars [${names.join(" ")}] in namespace "${namespace}" have no workload selector, which can lead to undefined behavior. (IST0111)` });
      }
    }
    return problems;
  },
};
