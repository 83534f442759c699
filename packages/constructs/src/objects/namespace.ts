import type { ResolvedEnvironment, ResolvedTenant } from "@cloudlab/model";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { tenantLabels } from "../labels.ts";
import { podSecurityLabels } from "./pod-security.ts";

/**
 * The tenant's namespace: Istio sidecar injection on, and Pod Security admission enforcing "restricted" at the
 * cluster's Kubernetes version (audit and warn too, so a violation is visible before it is enforced elsewhere).
 */
export function buildNamespace(tenant: ResolvedTenant, environment: ResolvedEnvironment): Namespace {
  return new Namespace({
    metadata: {
      name: tenant.name,
      labels: { ...tenantLabels(tenant), "istio-injection": "enabled", ...podSecurityLabels("restricted", environment) },
    },
  });
}
