import { meshPods, selectorString } from "../../../analysis/workload-selection.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { mapSelects } from "../../../support/label-selector.ts";
import { asStringMap, at } from "../../../support/values.ts";

/**
 * istioctl's IST0101 for Istio Gateways (`gateway.IngressGatewayPortAnalyzer`): the Gateway's `selector` matches the
 * labels of some pod, in any namespace (an empty selector matches every pod). Gateway pods Istio installs from the
 * environment count: a Gateway API gateway's deployment, the `gateway` Helm chart of an Argo CD Application.
 */
export const gatewaySelectorNoWorkload: GroupRule = {
  id: "gateway-selector-no-workload",
  category: "analysis",
  code: "IST0101",
  scope: "group",
  severity: "error",
  description: "Every Istio Gateway's selector matches the labels of some pod of the environment, in any namespace (istioctl IST0101).",
  upstreamMessage: 'Error [IST0101] (Gateway istio-system/ingress) Referenced selector not found: "istio=ingressgateway"',
  check(objects) {
    const problems: GroupProblem[] = [];
    let pods: ReturnType<typeof meshPods> | undefined;
    for (const object of objects) {
      if (object.kind !== "Gateway" || apiGroup(object.apiVersion) !== "networking.istio.io") continue;
      pods ??= meshPods(objects);
      const selector = asStringMap(at(object.object, "spec", "selector"));
      if (pods.some((pod) => mapSelects(selector, pod.labels))) continue;
      problems.push({ object, unresolved: true, path: ["spec", "selector"], message: `Referenced selector not found: "${selectorString(selector)}" (IST0101)` });
    }
    return problems;
  },
};
