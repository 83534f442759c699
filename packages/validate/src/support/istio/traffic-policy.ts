/**
 * The traffic policy checks istiod applies to DestinationRules (and, for connection pools, to Sidecars):
 * `validateConnectionPool`, `validateOutlierDetection`, `validateLoadBalancer` with `ValidateLocalityLbSetting`,
 * and `agent.ValidateTLS` for client TLS.
 */
import type { FieldPath } from "../../field-path.ts";
import { asArray, asNumber, asObject, asString, at, isSet, type PlainObject } from "../values.ts";
import { durationProblem } from "./duration.ts";
import type { Problems } from "./istio-object.ts";

/** A traffic policy of a DestinationRule with its path, and whether it is a port-level one. */
export interface TrafficPolicyAt {
  readonly policy: PlainObject;
  readonly path: FieldPath;
  readonly portLevel: boolean;
}

/** Every traffic policy of a DestinationRule: the top-level one, each subset's, and their port-level settings. */
export function trafficPoliciesOf(spec: PlainObject): TrafficPolicyAt[] {
  const roots: { policy: PlainObject; path: FieldPath }[] = [];
  const top = asObject(spec.trafficPolicy);
  if (top !== undefined) roots.push({ policy: top, path: ["spec", "trafficPolicy"] });
  for (const [i, subset] of asArray(spec.subsets).entries()) {
    const policy = asObject(asObject(subset)?.trafficPolicy);
    if (policy !== undefined) roots.push({ policy, path: ["spec", "subsets", i, "trafficPolicy"] });
  }
  const all: TrafficPolicyAt[] = [];
  for (const root of roots) {
    all.push({ ...root, portLevel: false });
    for (const [j, entry] of asArray(root.policy.portLevelSettings).entries()) {
      const policy = asObject(entry);
      if (policy !== undefined) all.push({ policy, path: [...root.path, "portLevelSettings", j], portLevel: true });
    }
  }
  return all;
}

function nonNegative(parent: PlainObject, field: string, path: FieldPath, message: string, problems: Problems): void {
  const value = asNumber(parent[field]);
  if (value !== undefined && value < 0) problems.add([...path, field], message);
}

/** `validateConnectionPool` of the settings at `path`. */
export function checkConnectionPool(settings: PlainObject, path: FieldPath, problems: Problems): void {
  const http = asObject(settings.http);
  const tcp = asObject(settings.tcp);
  if (!isSet(settings.http) && !isSet(settings.tcp)) {
    problems.add(path, "connection pool must have at least one field");
    return;
  }
  if (http !== undefined) {
    const at = [...path, "http"];
    nonNegative(http, "http1MaxPendingRequests", at, "http1 max pending requests must be non-negative", problems);
    nonNegative(http, "http2MaxRequests", at, "http2 max requests must be non-negative", problems);
    nonNegative(http, "maxRequestsPerConnection", at, "max requests per connection must be non-negative", problems);
    nonNegative(http, "maxRetries", at, "max retries must be non-negative", problems);
    problems.add([...at, "idleTimeout"], durationProblem(http.idleTimeout));
    if (http.h2UpgradePolicy === "UPGRADE" && http.useClientProtocol === true) problems.add([...at, "useClientProtocol"], "use client protocol must not be true when H2UpgradePolicy is UPGRADE");
    nonNegative(http, "maxConcurrentStreams", at, "max concurrent streams must be non-negative", problems);
  }
  if (tcp !== undefined) {
    const at = [...path, "tcp"];
    nonNegative(tcp, "maxConnections", at, "max connections must be non-negative", problems);
    for (const field of ["connectTimeout", "maxConnectionDuration", "idleTimeout"]) problems.add([...at, field], durationProblem(tcp[field]));
    const keepalive = asObject(tcp.tcpKeepalive);
    if (keepalive !== undefined) for (const field of ["time", "interval"]) problems.add([...at, "tcpKeepalive", field], durationProblem(keepalive[field]));
  }
}

/** `ValidatePercent`. */
function percentProblem(value: unknown): string | undefined {
  const number = asNumber(value);
  return number !== undefined && (number < 0 || number > 100) ? `percentage ${number} is not in range 0..100` : undefined;
}

/** `validateOutlierDetection` of the settings at `path`. */
export function checkOutlierDetection(outlier: PlainObject, path: FieldPath, problems: Problems): void {
  problems.add([...path, "baseEjectionTime"], durationProblem(outlier.baseEjectionTime));
  if (outlier.splitExternalLocalOriginErrors !== true && (asNumber(outlier.consecutiveLocalOriginFailures) ?? 0) > 0) {
    problems.add([...path, "consecutiveLocalOriginFailures"], "outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false");
  }
  problems.add([...path, "interval"], durationProblem(outlier.interval));
  problems.add([...path, "maxEjectionPercent"], percentProblem(outlier.maxEjectionPercent));
  problems.add([...path, "minHealthPercent"], percentProblem(outlier.minHealthPercent));
}

/** Envoy's primality test for Maglev table sizes, as istiod copies it. */
function isPrime(x: bigint): boolean {
  if (x !== 0n && x < 4n) return true;
  if ((x & 1n) === 0n) return false;
  for (let factor = 3n; factor * factor <= x; factor += 2n) if (x % factor === 0n) return false;
  return true;
}

/** A uint64 field (JSON number or string), or `undefined`. */
function uint64(value: unknown): bigint | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  if (typeof value === "string" && /^\d+$/.test(value)) return BigInt(value);
  return undefined;
}

const TOPOLOGY_LABELS = ["topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone"];

/** `validateLocalities`: `region[/zone[/subzone]]`, one trailing `*` at most, no overlaps. */
function localitiesProblem(localities: readonly string[]): string | undefined {
  const regions = new Map<string, Map<string, Map<string, boolean>>>();
  for (const locality of localities) {
    const stars = locality.split("*").length - 1;
    if (stars > 0 && (stars > 1 || !locality.endsWith("*"))) return `locality ${locality} wildcard '*' number can not exceed 1 and must be in the end`;
    if (regions.has("*")) return `locality ${locality} overlap with previous specified ones`;
    const items = locality.split("/");
    const parts = items.length > 3 ? [items[0]!, items[1]!, items.slice(2).join("/")] : items;
    if (parts.some((p) => p === "")) return `locality ${locality} must not contain empty region/zone/subzone info`;
    const [region = "", zone = "", subZone = ""] = parts;
    const zones = regions.get(region);
    if (parts.length === 1) {
      if (zones !== undefined) return `locality ${locality} overlap with previous specified ones`;
      regions.set(region, new Map([["*", new Map([["*", true]])]]));
    } else if (parts.length === 2) {
      if (zones === undefined) regions.set(region, new Map([[zone, new Map([["*", true]])]]));
      else if (zones.has("*") || zones.has(zone)) return `locality ${locality} overlap with previous specified ones`;
      else zones.set(zone, new Map([["*", true]]));
    } else if (zones === undefined) {
      regions.set(region, new Map([[zone, new Map([[subZone, true]])]]));
    } else {
      if (zones.has("*")) return `locality ${locality} overlap with previous specified ones`;
      const subZones = zones.get(zone);
      if (subZones === undefined) zones.set(zone, new Map([[subZone, true]]));
      else if (subZones.get("*") === true || subZones.get(subZone) === true) return `locality ${locality} overlap with previous specified ones`;
      else subZones.set(subZone, true);
    }
  }
  return undefined;
}

/** `agent.ValidateLocalityLbSetting`. */
function checkLocality(locality: PlainObject, path: FieldPath, problems: Problems): void {
  const distribute = asArray(locality.distribute).map((d) => asObject(d) ?? {});
  const failover = asArray(locality.failover).map((f) => asObject(f) ?? {});
  const failoverPriority = asArray(locality.failoverPriority).filter((p): p is string => typeof p === "string");
  if (distribute.length > 0 && failover.length > 0) {
    problems.add(path, "can not simultaneously specify 'distribute' and 'failover'");
    return;
  }
  if (failover.length > 0) {
    const topology = failoverPriority.find((p) => TOPOLOGY_LABELS.includes(p));
    if (topology !== undefined) {
      problems.add([...path, "failoverPriority"], `can not simultaneously set 'failover' and topology label '${topology}' in 'failover_priority'`);
      return;
    }
  }
  for (const [i, entry] of distribute.entries()) {
    let total = 0;
    for (const weight of Object.values(asObject(entry.to) ?? {})) {
      const value = asNumber(weight) ?? 0;
      if (value <= 0 || value > 100) {
        problems.add([...path, "distribute", i, "to"], "locality weight must be in range [1, 100]");
        return;
      }
      total += value;
    }
    if (total !== 100) {
      problems.add([...path, "distribute", i, "to"], `total locality weight ${total} != 100`);
      return;
    }
    problems.add([...path, "distribute", i, "to"], localitiesProblem(Object.keys(asObject(entry.to) ?? {})));
  }
  problems.add([...path, "distribute"], localitiesProblem(distribute.map((d) => asString(d.from) ?? "")));
  for (const [i, entry] of failover.entries()) {
    const from = asString(entry.from) ?? "";
    const to = asString(entry.to) ?? "";
    const at = [...path, "failover", i];
    if (from === to) problems.add(at, "locality lb failover settings must specify different regions");
    if (from.includes("/") || to.includes("/")) problems.add(at, "locality lb failover only specify region");
    if (from.includes("*") || to.includes("*")) problems.add(at, "locality lb failover region should not contain '*' wildcard");
  }
}

/** `validateLoadBalancer` of the settings at `path`. */
export function checkLoadBalancer(settings: PlainObject, path: FieldPath, problems: Problems): void {
  const hash = asObject(settings.consistentHash);
  if (hash !== undefined) {
    const hashPath = [...path, "consistentHash"];
    const cookie = asObject(hash.httpCookie);
    if (cookie !== undefined && (asString(cookie.name) ?? "") === "") problems.add([...hashPath, "httpCookie", "name"], "name required for HttpCookie");
    const ringSize = uint64(hash.minimumRingSize) ?? 0n;
    if (ringSize !== 0n && (isSet(hash.maglev) || isSet(hash.ringHash))) problems.add([...hashPath, "minimumRingSize"], "only one of MinimumRingSize or Maglev/Ringhash can be specified");
    const maglev = asObject(hash.maglev);
    if (maglev !== undefined) {
      const size = uint64(maglev.tableSize) ?? 0n;
      const sizePath = [...hashPath, "maglev", "tableSize"];
      if (size === 0n) problems.add(sizePath, "tableSize must be set for maglev");
      if (size >= 5000011n) problems.add(sizePath, "tableSize must be less than 5000011 for maglev");
      if (!isPrime(size)) problems.add(sizePath, "tableSize must be a prime number for maglev");
    }
  }
  const locality = asObject(settings.localityLbSetting);
  if (locality !== undefined) checkLocality(locality, [...path, "localityLbSetting"], problems);
  problems.add([...path, "warmupDurationSecs"], durationProblem(settings.warmupDurationSecs));
}

/** `agent.ValidateTLS`: client TLS settings of a DestinationRule. */
export function checkClientTls(tls: PlainObject, path: FieldPath, problems: Problems): void {
  const mode = asString(tls.mode) ?? "DISABLE";
  const has = (field: string) => (asString(tls[field]) ?? "") !== "";
  if (at(tls, "insecureSkipVerify") === true) {
    if (mode === "SIMPLE" && (has("caCertificates") || has("credentialName") || isSet(tls.subjectAltNames))) {
      problems.add(path, "cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true");
    }
    if (mode === "MUTUAL" && (has("caCertificates") || isSet(tls.subjectAltNames))) problems.add(path, "cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true");
  }
  if ((mode === "SIMPLE" || mode === "MUTUAL") && has("credentialName")) {
    if (has("clientCertificate") || has("caCertificates") || has("privateKey") || has("caCrl")) problems.add(path, "cannot specify client certificates or CA certificate or CA CRL If credentialName is set");
    return;
  }
  if (mode === "MUTUAL") {
    if (!has("clientCertificate")) problems.add([...path, "clientCertificate"], "client certificate required for mutual tls");
    if (!has("privateKey")) problems.add([...path, "privateKey"], "private key required for mutual tls");
  }
}

