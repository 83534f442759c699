import type { ManifestObject } from "../manifest-object.ts";
import { apiGroup } from "../schema/kind-catalog.ts";
import { asArray, asNumber, asObject, asString, asStringMap, at } from "../support/values.ts";
import { namespaceOf } from "./environment-index.ts";
import { EXPORT_TO_ALL, EXPORT_TO_LOCAL, exportScopes, exportToOf, serviceExportScopes } from "./export-to.ts";

/** One port of a Service or ServiceEntry. */
export interface RegisteredPort {
  readonly number: number;
  readonly name: string;
  readonly protocol: string;
}

/** A host Istio's registry holds: a Kubernetes Service or a ServiceEntry host. */
export interface RegisteredHost {
  readonly object: ManifestObject;
  readonly kind: "Service" | "ServiceEntry";
  readonly namespace: string;
  readonly ports: readonly RegisteredPort[];
  /** A ServiceEntry's `workloadSelector.labels` (undefined for Services and ServiceEntries without one). */
  readonly workloadSelector?: Readonly<Record<string, string>>;
  /** The labels of a ServiceEntry's inline `endpoints`. */
  readonly endpointLabels: readonly Readonly<Record<string, string>>[];
}

/** The registry of hosts as istioctl builds it (`InitServiceEntryHostMap`): hosts by `<scope>/<fqdn>`. */
export interface HostRegistry {
  /** Hosts by `<scope>/<fqdn>`, the scope being `*` or a namespace the host is exported to. */
  readonly scoped: ReadonlyMap<string, RegisteredHost>;
  /** The wildcard hosts (`*.example.com`), with their scope. */
  readonly wildcards: readonly { readonly scope: string; readonly host: string; readonly entry: RegisteredHost }[];
  /** Every host FQDN, wildcards included. */
  readonly hosts: readonly string[];
}

/** The suffix Istio adds to a short name (`svc.cluster.local`, the default cluster domain). */
export const KUBERNETES_DOMAIN = "svc.cluster.local";

const FQDN = /^(.+)\.(.+)\.svc\.cluster\.local$/;

/**
 * A host as istioctl qualifies it (`ConvertHostToFQDN`): a name without dots (and not a wildcard) is a Service of
 * `namespace`; any other name is taken as written, so `reviews.default` is not `reviews.default.svc.cluster.local`.
 */
export function istioHostFqdn(namespace: string, host: string): string {
  return host.startsWith("*") || host.includes(".") ? host : `${host}.${namespace}.${KUBERNETES_DOMAIN}`;
}

/**
 * The `namespace/name` a host names as istioctl reads it (`GetResourceNameFromHost`): `name.ns.svc.cluster.local` is
 * `ns/name`; anything else is the host itself in `defaultNamespace`.
 */
export function hostResourceName(defaultNamespace: string, host: string): string {
  const match = FQDN.exec(host);
  return match === null ? `${defaultNamespace}/${host}` : `${match[2]}/${match[1]}`;
}

/** Whether an object is an Istio ServiceEntry. */
export function isServiceEntry(object: ManifestObject): boolean {
  return object.kind === "ServiceEntry" && object.apiVersion.startsWith("networking.istio.io/");
}

function portsOf(value: unknown, numberField: string): RegisteredPort[] {
  const ports: RegisteredPort[] = [];
  for (const item of asArray(value)) {
    const port = asObject(item);
    const number = asNumber(port?.[numberField]);
    if (number !== undefined) ports.push({ number, name: asString(port?.name) ?? "", protocol: asString(port?.protocol) ?? "" });
  }
  return ports;
}

const cache = new WeakMap<readonly ManifestObject[], HostRegistry>();

/** The host registry of `objects` (built once per array). */
export function hostRegistry(objects: readonly ManifestObject[]): HostRegistry {
  let registry = cache.get(objects);
  if (registry === undefined) {
    registry = buildRegistry(objects);
    cache.set(objects, registry);
  }
  return registry;
}

function buildRegistry(objects: readonly ManifestObject[]): HostRegistry {
  const scoped = new Map<string, RegisteredHost>();
  const wildcards: { scope: string; host: string; entry: RegisteredHost }[] = [];
  const hosts: string[] = [];
  const add = (scope: string, fqdn: string, entry: RegisteredHost) => {
    scoped.set(`${scope}/${fqdn}`, entry);
    if (fqdn.startsWith("*")) wildcards.push({ scope, host: fqdn, entry });
  };
  // ServiceEntries first, then Services (istioctl's order: a Service wins a host both define).
  for (const object of objects) {
    if (!isServiceEntry(object)) continue;
    const namespace = namespaceOf(object) ?? "default";
    const selector = asObject(at(object.object, "spec", "workloadSelector"));
    const entry: RegisteredHost = {
      object,
      kind: "ServiceEntry",
      namespace,
      ports: portsOf(at(object.object, "spec", "ports"), "number"),
      ...(selector === undefined ? {} : { workloadSelector: asStringMap(selector.labels) }),
      endpointLabels: asArray(at(object.object, "spec", "endpoints")).map((e) => asStringMap(asObject(e)?.labels)),
    };
    const scopes = exportScopes(exportToOf(at(object.object, "spec", "exportTo")), namespace);
    for (const host of asArray(at(object.object, "spec", "hosts"))) {
      if (typeof host !== "string") continue;
      const fqdn = istioHostFqdn(namespace, host);
      hosts.push(fqdn);
      for (const scope of scopes) add(scope, fqdn, entry);
    }
  }
  for (const object of objects) {
    if (object.kind !== "Service" || apiGroup(object.apiVersion) !== "") continue;
    const namespace = namespaceOf(object) ?? "default";
    const entry: RegisteredHost = { object, kind: "Service", namespace, ports: portsOf(at(object.object, "spec", "ports"), "port"), endpointLabels: [] };
    const fqdn = istioHostFqdn(namespace, object.name);
    hosts.push(fqdn);
    for (const scope of serviceExportScopes(at(object.object, "metadata", "annotations"), namespace)) add(scope, fqdn, entry);
  }
  return { scoped, wildcards, hosts };
}

/**
 * The registered host a reference resolves to, as istioctl resolves it (`GetDestinationHost`): a host exported to
 * all namespaces; else one exported to the namespaces the referring resource is itself exported to (its own when
 * `exportTo` is empty); else a wildcard host visible in `sourceNamespace` whose suffix covers it.
 */
export function resolveHost(registry: HostRegistry, sourceNamespace: string, exportTo: readonly string[], host: string): RegisteredHost | undefined {
  const fqdn = istioHostFqdn(sourceNamespace, host);
  const everywhere = registry.scoped.get(`${EXPORT_TO_ALL}/${fqdn}`);
  if (everywhere !== undefined) return everywhere;
  const scopes = exportTo.length === 0 ? [sourceNamespace] : exportTo.map((e) => (e === EXPORT_TO_LOCAL ? sourceNamespace : e));
  for (const scope of scopes) {
    const scopedHost = registry.scoped.get(`${scope}/${fqdn}`);
    if (scopedHost !== undefined) return scopedHost;
  }
  const bare = host.startsWith("*") ? host.slice(1) : host;
  for (const wildcard of registry.wildcards) {
    if (wildcard.scope !== EXPORT_TO_ALL && wildcard.scope !== sourceNamespace) continue;
    if (bare.endsWith(wildcard.host.slice(1))) return wildcard.entry;
  }
  return undefined;
}
