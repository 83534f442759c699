import type { EnvironmentModel, ObservabilitySettingsSpec, PlatformDefinition, ServiceSpec } from "@cloudlab/model";
import { cacheSpec, checkoutSpec, fixtureEnvironments, fixturePlatform, modelOf, sourcedService, webSpec, workerSpec } from "../fixtures.ts";

/** The fixture's web service exposed at the edge (the load test's target). */
export function edgeWebSpec(changes: Partial<ServiceSpec> = {}): ServiceSpec {
  return webSpec({ ingress: { hosts: ["*.shop.example", "shop.example"], pathPrefix: "/store" }, ...changes });
}

/**
 * The fixture platform with every environment's observability settings replaced, running checkout, the edge web,
 * cache and a worker without ports, each replaced by the spec of the same tenant and name given.
 */
export function observedPlatform(settings: ObservabilitySettingsSpec | undefined, specs: readonly ServiceSpec[] = []): PlatformDefinition {
  const key = (spec: ServiceSpec) => `${spec.tenant}/${spec.name}`;
  const given = new Map(specs.map((spec) => [key(spec), spec]));
  const defaults = [checkoutSpec(), edgeWebSpec(), cacheSpec(), workerSpec()];
  const services = [...defaults.map((spec) => given.get(key(spec)) ?? spec), ...specs.filter((spec) => !defaults.some((d) => key(d) === key(spec)))];
  return fixturePlatform({
    services: services.map(sourcedService),
    environments: fixtureEnvironments().map((e) => ({ ...e, spec: { ...e.spec, ...(settings === undefined ? {} : { observability: settings }) } })),
  });
}

/** One environment's model of {@link observedPlatform}. */
export function observedModel(
  environment: string,
  settings?: ObservabilitySettingsSpec,
  services?: readonly ServiceSpec[],
): EnvironmentModel {
  return modelOf(environment, observedPlatform(settings, services));
}
