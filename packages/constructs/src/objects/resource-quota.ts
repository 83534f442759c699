import type { ResolvedTenant } from "@cloudlab/model";
import { ResourceQuota } from "kubernetes-models/v1/ResourceQuota";
import { tenantLabels } from "../labels.ts";

/** The tenant's ResourceQuota `<tenant>-quota`; `undefined` for a tenant without a quota. */
export function buildResourceQuota(tenant: ResolvedTenant): ResourceQuota | undefined {
  const quota = tenant.quota;
  if (quota === undefined) return undefined;
  return new ResourceQuota({
    metadata: { name: `${tenant.name}-quota`, namespace: tenant.name, labels: tenantLabels(tenant) },
    spec: {
      hard: {
        "requests.cpu": quota.requestsCpu,
        "requests.memory": quota.requestsMemory,
        "limits.cpu": quota.limitsCpu,
        "limits.memory": quota.limitsMemory,
      },
    },
  });
}
