import { namespaceOf } from "../../../analysis/environment-index.ts";
import { pushTo } from "../../../analysis/workload-selection.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asObject } from "../../../support/values.ts";

/**
 * istioctl's IST0160 (`telemetry.DefaultSelectorAnalyzer`): a namespace has at most one Telemetry without a `selector`
 * (in the root namespace, istio-system, that is the mesh-wide one). A Telemetry that attaches by `targetRef(s)` is not
 * namespace-wide and is left out.
 */
export const telemetryMultipleNamespaceWide: GroupRule = {
  id: "telemetry-multiple-namespace-wide",
  category: "analysis",
  code: "IST0160",
  scope: "group",
  severity: "error",
  description: "A namespace has at most one Telemetry without a selector (istioctl IST0160).",
  upstreamMessage: 'Error [IST0160] (Telemetry shop/a) The Telemetries [a b] in namespace "shop" have no workload selector, which can lead to undefined behavior.',
  check(objects) {
    const byNamespace = new Map<string, ManifestObject[]>();
    for (const object of objects) {
      if (object.kind !== "Telemetry" || apiGroup(object.apiVersion) !== "telemetry.istio.io") continue;
      const spec = asObject(object.object.spec);
      if (spec !== undefined && (spec.selector !== undefined || spec.targetRef !== undefined || spec.targetRefs !== undefined)) continue;
      const namespace = namespaceOf(object) ?? "default";
      pushTo(byNamespace, namespace, object);
    }
    const problems: GroupProblem[] = [];
    for (const [namespace, telemetries] of byNamespace) {
      if (telemetries.length < 2) continue;
      const names = telemetries.map((t) => t.name).sort();
      for (const telemetry of telemetries) {
        problems.push({ object: telemetry, path: ["metadata", "name"], message: `The Telemetries [${names.join(" ")}] in namespace "${namespace}" have no workload selector, which can lead to undefined behavior. (IST0160)` });
      }
    }
    return problems;
  },
};
