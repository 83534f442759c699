import { effectiveNamespace, type ManifestObject } from "../manifest-object.ts";
import { apiGroup } from "../schema/kind-catalog.ts";
import { podSpecPath, podTemplatePath } from "../support/pod-spec.ts";
import { asArray, asObject, asString, asStringMap, at } from "../support/values.ts";

/** Kinds that live outside namespaces (so their `metadata.namespace` is not a namespace of theirs). */
const CLUSTER_SCOPED = new Set([
  "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass",
  "PriorityClass", "IngressClass", "RuntimeClass", "CSIDriver", "CSINode", "VolumeAttachment", "APIService",
  "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "GatewayClass", "ClusterIssuer", "ClusterAnalysisTemplate",
]);

/** The pods a workload (or a Pod) runs: where, with which labels and service account. */
export interface PodTemplate {
  readonly object: ManifestObject;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly serviceAccountName: string;
}

/** A DestinationRule's subsets, by the FQDN of its host. */
export interface DestinationRuleEntry {
  readonly object: ManifestObject;
  readonly host: string;
  readonly subsets: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/** What the cross-resource rules look up in one environment, built once per set of objects. */
export interface EnvironmentIndex {
  /** Namespaces that hold an object or are declared by a Namespace. */
  readonly namespaces: ReadonlySet<string>;
  /** Services by FQDN (`name.namespace.svc.cluster.local`). */
  readonly services: ReadonlyMap<string, ManifestObject>;
  /** Every pod template. */
  readonly pods: readonly PodTemplate[];
  /** The pod templates of each namespace. */
  readonly podsByNamespace: ReadonlyMap<string, readonly PodTemplate[]>;
  /** DestinationRules by host FQDN. */
  readonly destinationRules: ReadonlyMap<string, readonly DestinationRuleEntry[]>;
  /** Istio Gateways by `namespace/name`. */
  readonly istioGateways: ReadonlySet<string>;
  /** ServiceEntry hosts (may be wildcards). */
  readonly serviceEntryHosts: readonly string[];
  /** Service accounts by `namespace/name`, including the ones Kubernetes and Istio create. */
  readonly serviceAccounts: ReadonlySet<string>;
  /** Objects by `group/Kind/namespace/name`. */
  readonly objects: ReadonlyMap<string, ManifestObject>;
}

/** The namespace an object lives in, `undefined` for cluster-scoped kinds. */
export function namespaceOf(object: ManifestObject): string | undefined {
  return CLUSTER_SCOPED.has(object.kind) ? undefined : effectiveNamespace(object);
}

/**
 * A host as Istio resolves it from an object in `namespace`: a short name (no dots) is a Service of that namespace;
 * anything else is taken as a fully qualified name.
 */
export function hostFqdn(host: string, namespace: string): string {
  return host.includes(".") || host.includes("*") ? host : `${host}.${namespace}.svc.cluster.local`;
}

/** Whether a host (possibly `*` or `*.example.com`) covers `name`. */
export function hostMatches(pattern: string, name: string): boolean {
  if (pattern === "*") return true;
  if (pattern.startsWith("*.")) return name.endsWith(pattern.slice(1));
  return pattern === name;
}

/** `group/Kind/namespace/name`, the identity of an object in the index. */
export function objectKey(group: string, kind: string, namespace: string | undefined, name: string): string {
  return `${group}/${kind}/${namespace ?? ""}/${name}`;
}

const cache = new WeakMap<readonly ManifestObject[], EnvironmentIndex>();

/** The index of `objects` (built once per array). */
export function environmentIndex(objects: readonly ManifestObject[]): EnvironmentIndex {
  let index = cache.get(objects);
  if (index === undefined) {
    index = buildIndex(objects);
    cache.set(objects, index);
  }
  return index;
}

function buildIndex(objects: readonly ManifestObject[]): EnvironmentIndex {
  const namespaces = new Set<string>();
  const services = new Map<string, ManifestObject>();
  const pods: PodTemplate[] = [];
  const destinationRules = new Map<string, DestinationRuleEntry[]>();
  const istioGateways = new Set<string>();
  const serviceEntryHosts: string[] = [];
  const serviceAccounts = new Set<string>();
  const byKey = new Map<string, ManifestObject>();
  for (const object of objects) {
    const group = apiGroup(object.apiVersion);
    const namespace = namespaceOf(object);
    byKey.set(objectKey(group, object.kind, namespace, object.name), object);
    if (namespace !== undefined) namespaces.add(namespace);
    if (object.kind === "Namespace" && group === "") namespaces.add(object.name);
    const ns = namespace ?? "default";
    if (group === "" && object.kind === "Service") services.set(`${object.name}.${ns}.svc.cluster.local`, object);
    if (group === "" && object.kind === "ServiceAccount") serviceAccounts.add(`${ns}/${object.name}`);
    const specPath = podSpecPath(object.apiVersion, object.kind);
    if (specPath !== undefined) {
      const template = podTemplatePath(object.apiVersion, object.kind);
      const labels = asStringMap(template === undefined ? at(object.object, "metadata", "labels") : at(object.object, ...template, "metadata", "labels"));
      const serviceAccountName = asString(at(object.object, ...specPath, "serviceAccountName")) ?? "default";
      pods.push({ object, namespace: ns, labels, serviceAccountName });
    }
    if (group === "networking.istio.io" && object.kind === "DestinationRule") {
      const host = asString(at(object.object, "spec", "host"));
      if (host !== undefined) {
        const subsets = new Map<string, Record<string, string>>();
        for (const item of asArray(at(object.object, "spec", "subsets"))) {
          const name = asString(asObject(item)?.name);
          if (name !== undefined) subsets.set(name, asStringMap(asObject(item)?.labels));
        }
        const fqdn = hostFqdn(host, ns);
        destinationRules.set(fqdn, [...(destinationRules.get(fqdn) ?? []), { object, host: fqdn, subsets }]);
      }
    }
    if (group === "networking.istio.io" && object.kind === "Gateway") istioGateways.add(`${ns}/${object.name}`);
    if (group === "networking.istio.io" && object.kind === "ServiceEntry") {
      for (const host of asArray(at(object.object, "spec", "hosts"))) if (typeof host === "string") serviceEntryHosts.push(host);
    }
    // Istio deploys a Gateway API Gateway of class `istio` as `<name>-istio` (Deployment, Service, ServiceAccount).
    if (group === "gateway.networking.k8s.io" && object.kind === "Gateway" && at(object.object, "spec", "gatewayClassName") === "istio") {
      serviceAccounts.add(`${ns}/${object.name}-istio`);
    }
  }
  // Every namespace has a `default` service account.
  for (const namespace of namespaces) serviceAccounts.add(`${namespace}/default`);
  const podsByNamespace = new Map<string, PodTemplate[]>();
  for (const pod of pods) {
    const list = podsByNamespace.get(pod.namespace);
    if (list === undefined) podsByNamespace.set(pod.namespace, [pod]);
    else list.push(pod);
  }
  return { namespaces, services, pods, podsByNamespace, destinationRules, istioGateways, serviceEntryHosts, serviceAccounts, objects: byKey };
}
