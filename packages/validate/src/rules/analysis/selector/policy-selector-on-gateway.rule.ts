import { namespaceOf } from "../../../analysis/environment-index.ts";
import { GATEWAY_NAME_LABEL, meshPodsIn, type MeshPod } from "../../../analysis/workload-selection.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { mapSelects } from "../../../support/label-selector.ts";
import { asObject, asStringMap } from "../../../support/values.ts";

/** The policies whose `selector` istioctl's `k8sgateway.SelectorAnalyzer` checks, by API group. */
const POLICY_KINDS: ReadonlyMap<string, string> = new Map([
  ["AuthorizationPolicy", "security.istio.io"],
  ["RequestAuthentication", "security.istio.io"],
  ["Telemetry", "telemetry.istio.io"],
  ["WasmPlugin", "extensions.istio.io"],
]);

/**
 * istioctl's IST0166 (`k8sgateway.SelectorAnalyzer`): an AuthorizationPolicy, RequestAuthentication, Telemetry or
 * WasmPlugin without a `targetRef` does not select, by its selector's matchLabels, the pods of a Kubernetes Gateway
 * API gateway in its namespace (pods labelled `gateway.networking.k8s.io/gateway-name`): policies attach to such
 * gateways by `targetRef`.
 */
export const policySelectorOnGateway: GroupRule = {
  id: "policy-selector-on-gateway",
  category: "analysis",
  code: "IST0166",
  scope: "group",
  severity: "warning",
  description: "Istio policies do not select a Kubernetes Gateway API gateway's pods by selector, where targetRef is needed (istioctl IST0166).",
  upstreamMessage: "Warning [IST0166] (AuthorizationPolicy default/ap-ineffective) Ineffective selector on Kubernetes Gateway bookinfo-gateway. Use the TargetRef field instead.",
  check(objects) {
    const problems: GroupProblem[] = [];
    const gatewayPods = new Map<string, MeshPod[]>();
    for (const object of objects) {
      if (POLICY_KINDS.get(object.kind) !== apiGroup(object.apiVersion)) continue;
      const spec = asObject(object.object.spec);
      const selector = asObject(spec?.selector);
      if (spec === undefined || selector === undefined || spec.targetRef !== undefined || spec.targetRefs !== undefined) continue;
      const labels = asStringMap(selector.matchLabels);
      const gateways = new Set<string>();
      const namespace = namespaceOf(object) ?? "default";
      let pods = gatewayPods.get(namespace);
      if (pods === undefined) {
        pods = meshPodsIn(objects, namespace).filter((pod) => GATEWAY_NAME_LABEL in pod.labels);
        gatewayPods.set(namespace, pods);
      }
      for (const pod of pods) {
        if (mapSelects(labels, pod.labels)) gateways.add(pod.labels[GATEWAY_NAME_LABEL]!);
      }
      for (const gateway of [...gateways].sort()) {
        problems.push({ object, path: ["spec", "selector"], message: `Ineffective selector on Kubernetes Gateway ${gateway}. Use the TargetRef field instead. (IST0166)` });
      }
    }
    return problems;
  },
};
