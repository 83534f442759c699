import type { CheckedEnvironment } from "./environments-check.ts";
import { environmentError } from "./environments-check.ts";
import type { SpecError } from "../../spec-error.ts";

/**
 * The problems of the zones an environment declares (`cluster.zones`; the defaults are made from the region, so they
 * are right whenever the region is): each must be a zone of the cluster's region as the provider names them
 * (`isZoneOf`), and listed once (a cluster definition lists each zone once).
 */
export function zoneProblems(environment: CheckedEnvironment, isZoneOf: (zone: string, region: string) => boolean, form: string): SpecError[] {
  const zones = environment.spec.cluster.zones ?? [];
  const region = environment.resolved.cluster.region;
  return zones.flatMap((zone, index) => {
    const path = `cluster.zones[${index}]`;
    const first = zones.indexOf(zone);
    if (first < index) return [environmentError(environment, path, `"${zone}" is already listed at cluster.zones[${first}]`)];
    if (!isZoneOf(zone, region)) return [environmentError(environment, path, `"${zone}" is not a zone of ${region}: ${form}`)];
    return [];
  });
}
