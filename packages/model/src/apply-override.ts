import type { ServiceOverride, ServiceSpec } from "./spec/service-spec.ts";

/**
 * A service spec with one environment's override applied: objects merge field by field, `env` entries replace by
 * name or are appended, `replicas` and `autoscaling` replace each other. Pure; the result is checked like any spec.
 */
export function applyOverride(
  service: ServiceSpec,
  override: ServiceOverride | undefined,
  defaultResources?: ServiceSpec["resources"],
): ServiceSpec {
  if (override === undefined) return service;
  let result: ServiceSpec = { ...service };
  if (override.image !== undefined) {
    result = { ...result, image: { ...service.image, ...override.image } };
  }
  if (override.resources !== undefined) {
    // A service without resources of its own takes the stage defaults, so a partial override has a base to merge onto.
    const base = service.resources ?? defaultResources;
    result = {
      ...result,
      resources: {
        requests: { ...base?.requests, ...override.resources.requests },
        limits: { ...base?.limits, ...override.resources.limits },
      } as ServiceSpec["resources"],
    };
  }
  if (override.replicas !== undefined || override.autoscaling !== undefined) {
    // Either replaces the service's scaling; an override that sets both keeps both, so it is refused like a service
    // that sets both (rather than one of them being dropped silently).
    const { replicas: _replicas, autoscaling: _autoscaling, ...rest } = result;
    result = {
      ...rest,
      ...(override.replicas === undefined ? {} : { replicas: override.replicas }),
      ...(override.autoscaling === undefined
        ? {}
        : { autoscaling: { ...service.autoscaling, ...override.autoscaling } as ServiceSpec["autoscaling"] }),
    };
  }
  if (override.versions !== undefined) result = { ...result, versions: override.versions };
  if (override.routing !== undefined) result = { ...result, routing: override.routing };
  if (override.traffic !== undefined) result = { ...result, traffic: override.traffic };
  if (override.delivery !== undefined) result = { ...result, delivery: override.delivery };
  if (override.ingress !== undefined) result = { ...result, ingress: override.ingress };
  if (override.egress !== undefined) result = { ...result, egress: override.egress };
  if (override.secrets !== undefined) result = { ...result, secrets: override.secrets };
  if (override.env !== undefined) {
    const env = [...(service.env ?? [])];
    for (const variable of override.env) {
      const at = env.findIndex((e) => e.name === variable.name);
      if (at === -1) env.push(variable);
      else env[at] = variable;
    }
    result = { ...result, env };
  }
  return result;
}

/** The top-level service fields an override sets: errors on these fields are attributed to the environment file. */
export function overriddenFields(override: ServiceOverride | undefined): ReadonlySet<string> {
  if (override === undefined) return new Set();
  const fields = new Set(Object.keys(override).filter((k) => k !== "disabled"));
  if (fields.has("replicas") || fields.has("autoscaling")) {
    fields.add("replicas");
    fields.add("autoscaling");
  }
  return fields;
}
