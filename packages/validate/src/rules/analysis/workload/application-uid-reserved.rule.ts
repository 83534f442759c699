import { isIstioControlPlane } from "../../../analysis/workload-selection.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject, at } from "../../../support/values.ts";

const PROXY_UID = 1337;

/**
 * istioctl's IST0144 (`deployment.ApplicationUIDAnalyzer`): an application's pod security context and containers do
 * not run as user 1337, the UID reserved for the sidecar proxy (its traffic is not intercepted). The `istio-proxy`
 * and `istio-operator` containers, init containers and Istio's own workloads (labelled `istio`, or `release: istio`)
 * are exempt.
 */
export const applicationUidReserved: ObjectRule = {
  id: "application-uid-reserved",
  category: "analysis",
  code: "IST0144",
  scope: "object",
  severity: "warning",
  description: "Application pods and containers do not run as UID 1337, which Istio reserves for the sidecar proxy (istioctl IST0144).",
  upstreamMessage: "Warning [IST0144] (Deployment shop/web) User ID (UID) 1337 is reserved for the sidecar proxy.",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined || isIstioControlPlane(object)) return [];
    const problems: RuleProblem[] = [];
    const message = "User ID (UID) 1337 is reserved for the sidecar proxy. (IST0144)";
    if (at(pod.spec, "securityContext", "runAsUser") === PROXY_UID) problems.push({ path: [...pod.path, "securityContext", "runAsUser"], message });
    asArray(pod.spec.containers).forEach((item, i) => {
      const container = asObject(item);
      if (container === undefined || container.name === "istio-proxy" || container.name === "istio-operator") return;
      if (at(container, "securityContext", "runAsUser") === PROXY_UID) problems.push({ path: [...pod.path, "containers", i, "securityContext", "runAsUser"], message });
    });
    return problems;
  },
};
