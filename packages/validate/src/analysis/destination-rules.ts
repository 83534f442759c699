import type { ManifestObject } from "../manifest-object.ts";
import { asString, at } from "../support/values.ts";
import { namespaceOf } from "./environment-index.ts";
import { exportToOf } from "./export-to.ts";
import { hostsOverlap } from "../support/istio/names.ts";
import { hostRegistry, resolveHost, type RegisteredHost } from "./host-resolution.ts";

/** Whether an object is an Istio DestinationRule. */
export function isDestinationRule(object: ManifestObject): boolean {
  return object.kind === "DestinationRule" && object.apiVersion.startsWith("networking.istio.io/");
}

/** The TLS modes that verify the server's certificate against `caCertificates` (istioctl IST0128 / IST0129). */
export const VERIFYING_TLS_MODES: ReadonlySet<string> = new Set(["SIMPLE", "MUTUAL"]);

/** A DestinationRule's host and what it resolves to. */
export interface DestinationRuleHost {
  readonly host: string;
  /** The Service or ServiceEntry the host names, as istioctl resolves it. */
  readonly target?: RegisteredHost;
  /** A wildcard host (`*.local`) that covers some registered host (istioctl knows no such match). */
  readonly coversHosts: boolean;
}

/**
 * The host of a DestinationRule, resolved as istioctl's `destinationrule.SubsetSelectPodAnalyzer` does: like a
 * VirtualService destination, with the DestinationRule's namespace and `exportTo` (undefined when it has no host).
 */
export function destinationRuleHost(objects: readonly ManifestObject[], object: ManifestObject): DestinationRuleHost | undefined {
  const host = asString(at(object.object, "spec", "host"));
  if (host === undefined || host === "") return undefined;
  const registry = hostRegistry(objects);
  const target = resolveHost(registry, namespaceOf(object) ?? "default", exportToOf(at(object.object, "spec", "exportTo")), host);
  const coversHosts = target === undefined && host.startsWith("*") && registry.hosts.some((h) => hostsOverlap(host, h));
  return { host, ...(target === undefined ? {} : { target }), coversHosts };
}
