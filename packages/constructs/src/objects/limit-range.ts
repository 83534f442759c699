import type { ResolvedEnvironment, ResolvedTenant } from "@cloudlab/model";
import { LimitRange } from "kubernetes-models/v1/LimitRange";
import { tenantLabels } from "../labels.ts";

/**
 * The tenant's LimitRange `<tenant>-limits`: containers that declare no requests or limits (a sidecar or an init
 * container added by a tool, say) get the stage defaults, so the quota can always admit them.
 */
export function buildLimitRange(tenant: ResolvedTenant, environment: ResolvedEnvironment): LimitRange {
  const defaults = environment.defaults.resources;
  return new LimitRange({
    metadata: { name: `${tenant.name}-limits`, namespace: tenant.name, labels: tenantLabels(tenant) },
    spec: {
      limits: [
        {
          type: "Container",
          defaultRequest: { cpu: defaults.requests.cpu, memory: defaults.requests.memory },
          default: { cpu: defaults.limits.cpu, memory: defaults.limits.memory },
        },
      ],
    },
  });
}
