import { destinationRuleHost, isDestinationRule } from "../../../analysis/destination-rules.ts";
import { environmentIndex } from "../../../analysis/environment-index.ts";
import type { RegisteredHost } from "../../../analysis/host-resolution.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { mapSelects } from "../../../support/label-selector.ts";
import { asArray, asObject, asString, asStringMap, at } from "../../../support/values.ts";

/**
 * Whether some pod can serve a subset with `labels` of `target`. A Service's subset needs a pod of the Service's
 * namespace with the Service's selector and the subset's labels (a stricter reading than istioctl's, which asks for
 * the labels on any pod, and the same wherever istioctl reports). A ServiceEntry's subset needs a pod with its
 * `workloadSelector` and the labels (istioctl's reading), or, for a ServiceEntry without a workload selector, an
 * inline endpoint with the labels.
 */
function subsetServed(objects: readonly ManifestObject[], target: RegisteredHost, labels: Readonly<Record<string, string>>): boolean {
  const pods = environmentIndex(objects).pods;
  if (target.kind === "Service") {
    const selector = asStringMap(at(target.object.object, "spec", "selector"));
    return pods.some((p) => p.namespace === target.namespace && mapSelects(selector, p.labels) && mapSelects(labels, p.labels));
  }
  const selector = { ...(target.workloadSelector ?? {}), ...labels };
  if (pods.some((p) => mapSelects(selector, p.labels))) return true;
  return target.workloadSelector === undefined && target.endpointLabels.some((endpoint) => mapSelects(labels, endpoint));
}

/**
 * istioctl's IST0173 (`destinationrule.SubsetSelectPodAnalyzer`): every subset of a DestinationRule whose host resolves
 * (IST0174 otherwise) selects some pod; requests routed to a subset without pods fail with 503 UH. Workloads stand
 * for their pods.
 */
export const destinationRuleSubsetNoPods: GroupRule = {
  id: "destination-rule-subset-no-pods",
  category: "analysis",
  scope: "group",
  code: "IST0173",
  severity: "error",
  description: "Every DestinationRule subset of a Service or ServiceEntry of the environment selects the pods of some workload (istioctl IST0173).",
  upstreamMessage: "Error [IST0173] (DestinationRule default/reviews) The Subset v4 defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).",
  check(objects) {
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (!isDestinationRule(object)) continue;
      const subsets = asArray(at(object.object, "spec", "subsets"));
      if (subsets.length === 0) continue;
      const target = destinationRuleHost(objects, object)?.target;
      if (target === undefined) continue;
      subsets.forEach((item, i) => {
        const subset = asObject(item);
        if (subsetServed(objects, target, asStringMap(subset?.labels))) return;
        problems.push({
          object,
          unresolved: true,
          path: ["spec", "subsets", i],
          message: `The Subset ${asString(subset?.name) ?? ""} defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream). (IST0173)`,
        });
      });
    }
    return problems;
  },
};
