import { environmentIndex } from "../../../analysis/environment-index.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { mapSelects } from "../../../support/label-selector.ts";
import { asArray, asObject, asStringMap, at } from "../../../support/values.ts";

/**
 * Every subset of a DestinationRule for an in-mesh Service selects pods: some workload's pod template carries both
 * the Service's selector and the subset's labels (a subset selecting nothing drops the traffic routed to it).
 */
export const destinationRuleSubsetNoPods: GroupRule = {
  id: "destination-rule-subset-no-pods",
  category: "analysis",
  scope: "group",
  severity: "warning",
  description: "Every DestinationRule subset of a Service of the environment selects the pods of some workload.",
  check(objects) {
    const index = environmentIndex(objects);
    const problems: GroupProblem[] = [];
    for (const entries of index.destinationRules.values()) {
      for (const { object, host } of entries) {
        const service = index.services.get(host);
        if (service === undefined) continue; // an external host, or one the host rules report
        const selector = asStringMap(at(service.object, "spec", "selector"));
        const namespace = service.namespace ?? "default";
        asArray(at(object.object, "spec", "subsets")).forEach((item, i) => {
          const subset = asObject(item);
          const labels = asStringMap(subset?.labels);
          const selected = index.pods.some((p) => p.namespace === namespace && mapSelects(selector, p.labels) && mapSelects(labels, p.labels));
          if (!selected) {
            problems.push({
              object,
              path: ["spec", "subsets", i, "labels"],
              message: `subset "${String(subset?.name)}" of ${host} selects no pods of any workload in namespace "${namespace}"`,
            });
          }
        });
      }
    }
    return problems;
  },
};
