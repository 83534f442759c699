import type { ResolvedTenant } from "@cloudlab/model";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { tenantLabels } from "../labels.ts";

/** The tenant's namespace, labelled for Istio sidecar injection. */
export function buildNamespace(tenant: ResolvedTenant): Namespace {
  return new Namespace({
    metadata: {
      name: tenant.name,
      labels: { ...tenantLabels(tenant), "istio-injection": "enabled" },
    },
  });
}
