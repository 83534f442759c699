import { podInAmbientMode, selectorMatches } from "../../../analysis/workload-selection.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asStringMap, at } from "../../../support/values.ts";

const isSidecar = (o: ManifestObject) => o.kind === "Sidecar" && apiGroup(o.apiVersion) === "networking.istio.io";

/**
 * istioctl's IST0110 (`sidecar.SelectorAnalyzer`): no pod is selected by the workload selectors of two Sidecars (pods
 * in ambient mode, which run no sidecar, are IST0167's).
 */
export const sidecarSelectorConflict: GroupRule = {
  id: "sidecar-selector-conflict",
  category: "analysis",
  code: "IST0110",
  scope: "group",
  severity: "error",
  description: "No pod is selected by the workload selectors of more than one Sidecar (istioctl IST0110).",
  upstreamMessage: 'Error [IST0110] (Sidecar shop/a) The Sidecars [a b] in namespace "shop" select the same workload pod "web", which can lead to undefined behavior.',
  check(objects) {
    const sidecars = objects.filter(isSidecar);
    if (sidecars.length < 2) return [];
    const { conflicts } = selectorMatches(objects, sidecars, (o) => asStringMap(at(o.object, "spec", "workloadSelector", "labels")));
    const problems: GroupProblem[] = [];
    const reported = new Set<string>();
    for (const [pod, list] of conflicts) {
      if (podInAmbientMode(pod)) continue;
      const names = list.map((s) => s.name).sort();
      for (const sidecar of list) {
        const message = `The Sidecars [${names.join(" ")}] in namespace "${pod.namespace}" select the same workload pod "${pod.name}", which can lead to undefined behavior. (IST0110)`;
        const key = `${sidecar.file}\0${sidecar.name}\0${message}`;
        if (reported.has(key)) continue;
        reported.add(key);
        problems.push({ object: sidecar, path: ["spec", "workloadSelector", "labels"], message });
      }
    }
    return problems;
  },
};
