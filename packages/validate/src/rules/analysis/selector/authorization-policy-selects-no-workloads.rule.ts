import { namespaceOf } from "../../../analysis/environment-index.ts";
import { meshPods, namespaceLabels, podInAmbientMode, podInMesh, selectorString, pushTo, type MeshPod } from "../../../analysis/workload-selection.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { mapSelects } from "../../../support/label-selector.ts";
import { asObject, asStringMap } from "../../../support/values.ts";

/** Istio's root namespace (the mesh config's default `rootNamespace`). */
const ROOT_NAMESPACE = "istio-system";

/**
 * istioctl's IST0127 (`authz.AuthorizationPoliciesAnalyzer`): an AuthorizationPolicy applies to some in-mesh pod
 * (with a sidecar, or in ambient mode). With a selector: a pod of its namespace (of any namespace in the root
 * namespace, istio-system) matches the selector's matchLabels. Without one: its namespace has an in-mesh pod; a
 * selector-less policy in the root namespace applies mesh-wide and is not checked.
 */
export const authorizationPolicySelectsNoWorkloads: GroupRule = {
  id: "authorization-policy-selects-no-workloads",
  category: "analysis",
  code: "IST0127",
  scope: "group",
  severity: "warning",
  description: "Every AuthorizationPolicy applies to some in-mesh pod: its selector matches one, or its namespace has one (istioctl IST0127).",
  upstreamMessage: "Warning [IST0127] (AuthorizationPolicy shop/web) No matching workloads for this resource with the following labels: app=web",
  check(objects) {
    const problems: GroupProblem[] = [];
    let inMesh: MeshPod[] | undefined;
    let byNamespace: Map<string, MeshPod[]> | undefined;
    for (const object of objects) {
      if (object.kind !== "AuthorizationPolicy" || apiGroup(object.apiVersion) !== "security.istio.io") continue;
      if (inMesh === undefined) {
        const namespaces = namespaceLabels(objects);
        inMesh = meshPods(objects).filter((pod) => podInMesh(pod, namespaces) || podInAmbientMode(pod));
        byNamespace = new Map();
        for (const pod of inMesh) pushTo(byNamespace, pod.namespace, pod);
      }
      const namespace = namespaceOf(object) ?? "default";
      const selector = asObject(asObject(object.object.spec)?.selector);
      const labels = asStringMap(selector?.matchLabels);
      if (namespace === ROOT_NAMESPACE && selector === undefined) continue;
      const candidates = namespace === ROOT_NAMESPACE ? inMesh : (byNamespace?.get(namespace) ?? []);
      if (candidates.some((pod) => mapSelects(labels, pod.labels))) continue;
      const text = selector === undefined ? "" : selectorString(labels);
      problems.push({ object, unresolved: true, path: selector === undefined ? ["spec"] : ["spec", "selector"], message: `No matching workloads for this resource with the following labels: ${text} (IST0127)` });
    }
    return problems;
  },
};
