import type { ResolvedEnvironment, ResolvedService, ResolvedTenant } from "@cloudlab/model";
import { Telemetry } from "@kubernetes-models/istio/telemetry.istio.io/v1alpha1/Telemetry";
import { serviceLabels, serviceSelector, tenantLabels } from "../labels.ts";

/** The tenant's tracing sample rate for general traffic (10 % unless the environment says otherwise). */
export function buildTenantTelemetry(tenant: ResolvedTenant, environment: ResolvedEnvironment): Telemetry {
  return new Telemetry({
    metadata: { name: "tracing", namespace: tenant.name, labels: tenantLabels(tenant) },
    spec: { tracing: [{ randomSamplingPercentage: environment.mesh.tracing.defaultPercent }] },
  });
}

/** A critical service's own sample rate (100 % unless the environment says otherwise); `undefined` for others. */
export function buildServiceTelemetry(service: ResolvedService, environment: ResolvedEnvironment): Telemetry | undefined {
  if (!service.critical) return undefined;
  return new Telemetry({
    metadata: { name: `${service.name}-tracing`, namespace: service.tenant, labels: serviceLabels(service) },
    spec: {
      selector: { matchLabels: serviceSelector(service) },
      tracing: [{ randomSamplingPercentage: environment.mesh.tracing.criticalPercent }],
    },
  });
}
