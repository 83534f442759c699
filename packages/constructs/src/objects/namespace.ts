import type { ResolvedEnvironment, ResolvedTenant } from "@cloudlab/model";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { tenantLabels } from "../labels.ts";

/**
 * The tenant's namespace: Istio sidecar injection on, and Pod Security admission enforcing "restricted" at the
 * cluster's Kubernetes version (audit and warn too, so a violation is visible before it is enforced elsewhere).
 */
export function buildNamespace(tenant: ResolvedTenant, environment: ResolvedEnvironment): Namespace {
  const version = `v${environment.versions.kubernetes}`;
  return new Namespace({
    metadata: {
      name: tenant.name,
      labels: {
        ...tenantLabels(tenant),
        "istio-injection": "enabled",
        "pod-security.kubernetes.io/enforce": "restricted",
        "pod-security.kubernetes.io/enforce-version": version,
        "pod-security.kubernetes.io/audit": "restricted",
        "pod-security.kubernetes.io/audit-version": version,
        "pod-security.kubernetes.io/warn": "restricted",
        "pod-security.kubernetes.io/warn-version": version,
      },
    },
  });
}
