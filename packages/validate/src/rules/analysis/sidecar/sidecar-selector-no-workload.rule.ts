import { selectorMatches, selectorString } from "../../../analysis/workload-selection.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asStringMap, at } from "../../../support/values.ts";

const isSidecar = (o: ManifestObject) => o.kind === "Sidecar" && apiGroup(o.apiVersion) === "networking.istio.io";

/**
 * istioctl's IST0101 for Sidecars (`sidecar.SelectorAnalyzer`): a Sidecar with workload selector labels selects some
 * pod of its namespace. Sidecars without labels apply to the whole namespace and are not checked.
 */
export const sidecarSelectorNoWorkload: GroupRule = {
  id: "sidecar-selector-no-workload",
  category: "analysis",
  code: "IST0101",
  scope: "group",
  severity: "error",
  description: "Every Sidecar's workloadSelector labels select some pod of its namespace (istioctl IST0101).",
  upstreamMessage: 'Error [IST0101] (Sidecar shop/web) Referenced selector not found: "app=web"',
  check(objects) {
    const sidecars = objects.filter(isSidecar);
    if (sidecars.length === 0) return [];
    const selectorOf = (o: ManifestObject) => asStringMap(at(o.object, "spec", "workloadSelector", "labels"));
    const { selected } = selectorMatches(objects, sidecars, selectorOf);
    const problems: GroupProblem[] = [];
    for (const [sidecar, pods] of selected) {
      if (pods.length > 0) continue;
      problems.push({ object: sidecar, unresolved: true, path: ["spec", "workloadSelector", "labels"], message: `Referenced selector not found: "${selectorString(selectorOf(sidecar))}" (IST0101)` });
    }
    return problems;
  },
};
