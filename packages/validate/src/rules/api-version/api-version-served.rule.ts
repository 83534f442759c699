import type { ObjectRule } from "../../rule.ts";
import { servedStatus } from "../../versions/served-status.ts";

/**
 * Layer 4: the target cluster serves the object's apiVersion and kind — Kubernetes' built-in APIs by the environment's
 * Kubernetes version (removed betas such as `apps/v1beta1`, `policy/v1beta1`, `autoscaling/v2beta2` fail for 1.28,
 * naming the replacement), Istio's by its Istio version (`networking.istio.io/v1` needs Istio 1.22).
 */
export const apiVersionServed: ObjectRule = {
  id: "api-version-served",
  category: "api-version",
  scope: "object",
  severity: "error",
  stops: "rest",
  description: "The environment's Kubernetes and Istio versions serve the object's apiVersion and kind.",
  upstreamMessage:
    'policy/v1beta1 PodDisruptionBudget is deprecated in v1.21+, unavailable in v1.25+; use policy/v1 PodDisruptionBudget / no matches for kind "PodDisruptionBudget" in version "policy/v1beta1"',
  check(object, { versions, kinds }) {
    const status = servedStatus(object.apiVersion, object.kind, versions, kinds);
    return status.served === false ? [{ path: ["apiVersion"], message: status.reason }] : [];
  },
};
