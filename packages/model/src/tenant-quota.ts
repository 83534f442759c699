import { environmentCapacity, formatCpu, formatMemory, type CapacityFigures } from "./capacity.ts";
import { parseQuantity } from "./quantity.ts";
import type { EnvironmentModel } from "./resolved.ts";
import type { QuotaSpec } from "./spec/tenant-spec.ts";
import type { SpecError } from "./spec-error.ts";

const LIMITS: readonly { field: keyof QuotaSpec; figure: keyof CapacityFigures; what: string; format: (n: number) => string }[] = [
  { field: "requestsCpu", figure: "cpuRequests", what: "CPU requests", format: formatCpu },
  { field: "requestsMemory", figure: "memoryRequests", what: "memory requests", format: formatMemory },
  { field: "limitsCpu", figure: "cpuLimits", what: "CPU limits", format: formatCpu },
  { field: "limitsMemory", figure: "memoryLimits", what: "memory limits", format: formatMemory },
];

/**
 * A tenant must fit its own quota at MAX replicas in every environment: a quota the HPAs cannot scale into turns a
 * traffic spike into failed pod creations, which is the failure autoscaling exists to prevent. Sums include the Istio
 * sidecar of every pod (the quota counts it too); rolling-update surge is not included.
 */
export function checkTenantQuotas(model: EnvironmentModel): SpecError[] {
  const capacity = environmentCapacity(model);
  const errors: SpecError[] = [];
  for (const tenant of model.tenants) {
    if (tenant.quota === undefined) continue;
    const atMax = capacity.tenants.find((t) => t.tenant === tenant.name)?.atMax;
    if (atMax === undefined) continue;
    for (const limit of LIMITS) {
      const quota = tenant.quota[limit.field];
      const needed = atMax[limit.figure];
      if (parseQuantity(quota) + 1e-9 >= needed) continue;
      errors.push({
        file: tenant.file,
        kind: "tenant",
        subject: tenant.name,
        environment: model.environment.name,
        path: `quota.${limit.field}`,
        message: `"${quota}" is less than the ${limit.format(needed)} of ${limit.what} the tenant's ${atMax.pods} pods need at max replicas (sidecars included)`,
      });
    }
  }
  return errors;
}
