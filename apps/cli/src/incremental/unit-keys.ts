import { createHash } from "node:crypto";
import { buildCallGraph, ENVIRONMENT_UNIT, serviceUnit } from "@cloudlab/constructs";
import type { EnvironmentModel } from "@cloudlab/model";

function sha1(...parts: readonly string[]): string {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/** A `JSON.stringify` replacer leaving out image references (`image: "<repository>:<tag>"`, at any depth). */
function withoutImages(key: string, value: unknown): unknown {
  return key === "image" && typeof value === "string" ? undefined : value;
}

/**
 * The cache key of every render unit of an environment: a digest of everything the unit's objects are built from, so
 * an unchanged key means unchanged objects (given the same generator, `fingerprint`).
 *
 * - A service's objects are built from the service, the environment, the services that call it and that it calls,
 *   and the ServiceAccount names of the environment's services (its AuthorizationPolicy names callers' principals):
 *   exactly the props `EnvironmentChart` gives `ServiceResources`.
 * - The objects that belong to no service (tenants, cluster, delivery, cluster definition) are built from the whole
 *   environment model, so any change to it rebuilds them (they are few).
 *
 * Only a service's own objects show its image: neighbours and the environment's objects are keyed on the services
 * without their image references, so a new image tag rebuilds that one service (the incremental property test edits
 * image tags and compares every file with a full render).
 */
export function renderUnitKeys(model: EnvironmentModel, fingerprint: string): Map<string, string> {
  const environment = sha1(JSON.stringify(model.environment));
  const accounts = sha1(...model.services.map((s) => `${s.tenant}/${s.name}=${s.serviceAccountName}`));
  // Each service is serialised and digested once (with and without its images); keys combine digests.
  type Service = (typeof model.services)[number];
  const digests = new Map(model.services.map((s) => [s, sha1(JSON.stringify(s))]));
  const imageless = new Map(model.services.map((s) => [s, sha1(JSON.stringify(s, withoutImages))]));
  const digestOf = (s: Service) => digests.get(s) ?? sha1(JSON.stringify(s));
  const imagelessDigestOf = (s: Service) => imageless.get(s) ?? sha1(JSON.stringify(s, withoutImages));
  const graph = buildCallGraph(model.services);
  const keys = new Map<string, string>();
  keys.set(ENVIRONMENT_UNIT, sha1(fingerprint, ENVIRONMENT_UNIT, environment, JSON.stringify(model.tenants), ...imageless.values()));
  for (const service of model.services) {
    const neighbours = (list: readonly Service[]) => list.map(imagelessDigestOf).join(",");
    keys.set(serviceUnit(service), sha1(fingerprint, environment, accounts, digestOf(service), neighbours(graph.callers(service)), neighbours(graph.callees(service))));
  }
  return keys;
}

/**
 * Every render unit of an environment without its cache key (`""`): what a render that keeps no record needs (how
 * many units it built), without digesting the platform for keys nobody reads.
 */
export function unkeyedRenderUnits(model: EnvironmentModel): Map<string, string> {
  return new Map([ENVIRONMENT_UNIT, ...model.services.map(serviceUnit)].map((unit) => [unit, ""]));
}
