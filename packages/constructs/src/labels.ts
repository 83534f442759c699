import { DEFAULT_VERSION_NAME, type ResolvedService, type ResolvedTenant } from "@cloudlab/model";

/** The label every object carries to say the generator owns it. */
export const MANAGED_BY = { "app.kubernetes.io/managed-by": "cloudlab" } as const;

/** The label naming the owning team (used by reviews and alert routing). */
export const TEAM_LABEL = "platform.cloud-lab.io/team";

/** The version label of a service's single running version until the spec declares versions. */
export const DEFAULT_VERSION = DEFAULT_VERSION_NAME;

/** Labels of a tenant-wide object. */
export function tenantLabels(tenant: ResolvedTenant): Record<string, string> {
  return { "app.kubernetes.io/part-of": tenant.name, ...MANAGED_BY, [TEAM_LABEL]: tenant.team };
}

/** The labels that select a service's pods (Service selector): stable for the life of the service. */
export function serviceSelector(service: ResolvedService): Record<string, string> {
  return { "app.kubernetes.io/name": service.name };
}

/** The labels that select one version's pods (workload selector; immutable once applied). */
export function versionSelector(service: ResolvedService, version: string = DEFAULT_VERSION): Record<string, string> {
  return { ...serviceSelector(service), version };
}

/** Labels of an object belonging to a service. */
export function serviceLabels(service: ResolvedService): Record<string, string> {
  return {
    ...serviceSelector(service),
    "app.kubernetes.io/part-of": service.tenant,
    ...MANAGED_BY,
    [TEAM_LABEL]: service.team,
  };
}

/** Labels of a service's pods: the object labels plus `app` and `version`, which Istio's telemetry reads. */
export function podLabels(service: ResolvedService, version: string = DEFAULT_VERSION): Record<string, string> {
  return { ...serviceLabels(service), app: service.name, version };
}
