import { selectorMatches, selectorString } from "../../../analysis/workload-selection.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asStringMap, at } from "../../../support/values.ts";

const isTelemetry = (o: ManifestObject) => o.kind === "Telemetry" && apiGroup(o.apiVersion) === "telemetry.istio.io";

/**
 * istioctl's IST0101 for Telemetries (`telemetry.SelectorAnalyzer`): a Telemetry whose selector has matchLabels
 * selects some pod of its namespace.
 */
export const telemetrySelectorNoWorkload: GroupRule = {
  id: "telemetry-selector-no-workload",
  category: "analysis",
  code: "IST0101",
  scope: "group",
  severity: "error",
  description: "Every Telemetry's selector matchLabels select some pod of its namespace (istioctl IST0101).",
  upstreamMessage: 'Error [IST0101] (Telemetry shop/web) Referenced selector not found: "app=web"',
  check(objects) {
    const telemetries = objects.filter(isTelemetry);
    if (telemetries.length === 0) return [];
    const selectorOf = (o: ManifestObject) => asStringMap(at(o.object, "spec", "selector", "matchLabels"));
    const { selected } = selectorMatches(objects, telemetries, selectorOf);
    const problems: GroupProblem[] = [];
    for (const [telemetry, pods] of selected) {
      if (pods.length > 0) continue;
      problems.push({ object: telemetry, unresolved: true, path: ["spec", "selector", "matchLabels"], message: `Referenced selector not found: "${selectorString(selectorOf(telemetry))}" (IST0101)` });
    }
    return problems;
  },
};
