import { selectorMatches } from "../../../analysis/workload-selection.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asStringMap, at } from "../../../support/values.ts";

const isTelemetry = (o: ManifestObject) => o.kind === "Telemetry" && apiGroup(o.apiVersion) === "telemetry.istio.io";

/** istioctl's IST0159 (`telemetry.SelectorAnalyzer`): no pod is selected by the selectors of two Telemetries. */
export const telemetrySelectorConflict: GroupRule = {
  id: "telemetry-selector-conflict",
  category: "analysis",
  code: "IST0159",
  scope: "group",
  severity: "error",
  description: "No pod is selected by the selectors of more than one Telemetry (istioctl IST0159).",
  upstreamMessage: 'Error [IST0159] (Telemetry shop/a) The Telemetries [a b] in namespace "shop" select the same workload pod "web", which can lead to undefined behavior.',
  check(objects) {
    const telemetries = objects.filter(isTelemetry);
    if (telemetries.length < 2) return [];
    const { conflicts } = selectorMatches(objects, telemetries, (o) => asStringMap(at(o.object, "spec", "selector", "matchLabels")));
    const problems: GroupProblem[] = [];
    const reported = new Set<string>();
    for (const [pod, list] of conflicts) {
      const names = list.map((t) => t.name).sort();
      for (const telemetry of list) {
        const message = `The Telemetries [${names.join(" ")}] in namespace "${pod.namespace}" select the same workload pod "${pod.name}", which can lead to undefined behavior. (IST0159)`;
        const key = `${telemetry.file}\0${telemetry.name}\0${message}`;
        if (reported.has(key)) continue;
        reported.add(key);
        problems.push({ object: telemetry, path: ["spec", "selector", "matchLabels"], message });
      }
    }
    return problems;
  },
};
