import type { FieldPath } from "../field-path.ts";
import type { ManifestObject } from "../manifest-object.ts";
import { apiGroup } from "../schema/kind-catalog.ts";
import { podSpecPath, podTemplatePath } from "../support/pod-spec.ts";
import { mapSelects } from "../support/label-selector.ts";
import { asArray, asNumber, asObject, asString, asStringMap, at, type PlainObject } from "../support/values.ts";
import { namespaceOf } from "./environment-index.ts";

/**
 * A pod the environment will run, as istioctl's analyzers see pods: a Pod, the pod template of a workload (its pods
 * share its labels and annotations), or a pod Istio installs from an object of the environment (the deployment of a
 * Gateway API `Gateway` of class `istio`, the `gateway` Helm chart of an Argo CD Application).
 */
export interface MeshPod {
  /** The object that runs (or makes) the pod; none for the default installation's ingress gateway. */
  readonly object?: ManifestObject;
  /** The pod's name in messages: the Pod's or the workload's name. */
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** The pod spec and where it is, for pods written in the environment. */
  readonly spec?: { readonly path: FieldPath; readonly value: PlainObject };
  /** Pods Istio deploys: they run a proxy, and the TCP target ports of the Service deployed with them. */
  readonly installed?: { readonly servicePorts: readonly number[] };
}

/** Istio's label on the pods of a Gateway API gateway (1.21+; `istio.io/gateway-name` before). */
export const GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

const cache = new WeakMap<readonly ManifestObject[], MeshPod[]>();

/** Every pod of `objects` (built once per array). */
export function meshPods(objects: readonly ManifestObject[]): readonly MeshPod[] {
  let pods = cache.get(objects);
  if (pods === undefined) {
    pods = objects.flatMap(podsOf);
    if (!objects.some(installsIstio)) pods.push(DEFAULT_INGRESS_GATEWAY);
    cache.set(objects, pods);
  }
  return pods;
}

/** Istio's charts (istio-release), which an environment that installs Istio itself deploys. */
const ISTIO_CHARTS = new Set(["base", "istiod", "gateway", "cni", "ztunnel", "istio-ingress", "istio-egress"]);

/** Whether an object says how Istio is installed: an IstioOperator, an istiod Deployment, or Istio's Helm charts (Argo CD, Flux). */
function installsIstio(object: ManifestObject): boolean {
  if (object.kind === "IstioOperator") return true;
  if (object.kind === "Deployment" && object.name === "istiod") return true;
  if (object.kind === "Application" && apiGroup(object.apiVersion) === "argoproj.io") {
    const spec = asObject(object.object.spec);
    return [spec?.source, ...asArray(spec?.sources)].some((source) => ISTIO_CHARTS.has(asString(asObject(source)?.chart) ?? "") && (asString(asObject(source)?.repoURL) ?? "").includes("istio"));
  }
  if (object.kind === "HelmRelease" && apiGroup(object.apiVersion) === "helm.toolkit.fluxcd.io") {
    return ISTIO_CHARTS.has(asString(at(object.object, "spec", "chart", "spec", "chart")) ?? "") && (asString(at(object.object, "spec", "chart", "spec", "sourceRef", "name")) ?? "").includes("istio");
  }
  return false;
}

/**
 * The ingress gateway of Istio's default installation profile (istio-system, `istio: ingressgateway`; Service ports 80
 * and 443 to 8080 and 8443, and 15021), assumed when the objects do not say how Istio is installed: Istio itself is
 * rarely among an application's manifests. Its ports are given both as Service ports and as target ports.
 */
const DEFAULT_INGRESS_GATEWAY: MeshPod = {
  name: "istio-ingressgateway",
  namespace: "istio-system",
  labels: { app: "istio-ingressgateway", istio: "ingressgateway", "sidecar.istio.io/inject": "false" },
  annotations: {},
  installed: { servicePorts: [15021, 80, 443, 8080, 8443] },
};

function podsOf(object: ManifestObject): MeshPod[] {
  const namespace = namespaceOf(object) ?? "default";
  const specPath = podSpecPath(object.apiVersion, object.kind);
  if (specPath !== undefined) {
    const template = podTemplatePath(object.apiVersion, object.kind);
    const metadata = template === undefined ? at(object.object, "metadata") : at(object.object, ...template, "metadata");
    const value = asObject(at(object.object, ...specPath)) ?? {};
    return [{ object, name: object.name, namespace, labels: asStringMap(at(metadata, "labels")), annotations: asStringMap(at(metadata, "annotations")), spec: { path: specPath, value } }];
  }
  const group = apiGroup(object.apiVersion);
  if (group === "gateway.networking.k8s.io" && object.kind === "Gateway" && at(object.object, "spec", "gatewayClassName") === "istio") return [gatewayApiPod(object, namespace)];
  if (group === "argoproj.io" && object.kind === "Application") return gatewayChartPods(object);
  return [];
}

/** The pod Istio deploys for a Gateway API gateway of class `istio` (its `kube-gateway` template). */
function gatewayApiPod(object: ManifestObject, namespace: string): MeshPod {
  const name = object.name;
  const infrastructure = asStringMap(at(object.object, "spec", "infrastructure", "labels"));
  const labels = {
    "sidecar.istio.io/inject": "false",
    "service.istio.io/canonical-name": `${name}-istio`,
    "service.istio.io/canonical-revision": "latest",
    ...infrastructure,
    "istio.io/gateway-name": name,
    [GATEWAY_NAME_LABEL]: name,
    "gateway.networking.k8s.io/gateway-class-name": "istio",
    "gateway.istio.io/managed": "istio.io-gateway-controller",
  };
  const servicePorts = asArray(at(object.object, "spec", "listeners")).flatMap((listener) => {
    const port = asNumber(asObject(listener)?.port);
    return port === undefined ? [] : [port];
  });
  return { object, name: `${name}-istio`, namespace, labels, annotations: {}, installed: { servicePorts } };
}

/** The istio `gateway` chart's default Service ports (status-port, http2, https). */
const GATEWAY_CHART_PORTS = [15021, 80, 443];

/** The pods of the istio `gateway` Helm chart installed by an Argo CD Application (its values' labels and ports). */
function gatewayChartPods(object: ManifestObject): MeshPod[] {
  const spec = asObject(object.object.spec);
  const sources = [spec?.source, ...asArray(spec?.sources)].map(asObject).filter((s): s is PlainObject => s !== undefined);
  const pods: MeshPod[] = [];
  for (const source of sources) {
    if (source.chart !== "gateway" || !(asString(source.repoURL) ?? "").includes("istio")) continue;
    const helm = asObject(source.helm);
    const values = asObject(helm?.valuesObject) ?? {};
    const name = asString(values.name) ?? asString(helm?.releaseName) ?? object.name;
    const valueLabels = asStringMap(values.labels);
    const labels = {
      "sidecar.istio.io/inject": "true",
      ...(typeof values.revision === "string" && values.revision !== "" ? { "istio.io/rev": values.revision } : {}),
      ...valueLabels,
      ...asStringMap(values.podLabels),
      app: valueLabels.app ?? name,
      istio: valueLabels.istio ?? name.replace(/^istio-/, ""),
    };
    const configured = asArray(at(values, "service", "ports"));
    const servicePorts = configured.length === 0 ? GATEWAY_CHART_PORTS : configured.flatMap((item) => {
      const port = asObject(item);
      if (port === undefined || (port.protocol !== undefined && port.protocol !== "TCP")) return [];
      const target = asNumber(port.targetPort) ?? asNumber(port.port);
      return target === undefined ? [] : [target];
    });
    const namespace = asString(at(object.object, "spec", "destination", "namespace")) ?? "default";
    pods.push({ object, name, namespace, labels, annotations: {}, installed: { servicePorts } });
  }
  return pods;
}

/** `labels.SelectorFromSet(set).String()`: the pairs `key=value` sorted by key, joined by commas (empty: ""). */
export function selectorString(selector: Readonly<Record<string, string>>): string {
  return Object.keys(selector)
    .sort()
    .map((key) => `${key}=${selector[key]}`)
    .join(",");
}

const namespaceCache = new WeakMap<readonly ManifestObject[], ReadonlyMap<string, Readonly<Record<string, string>>>>();

/** The labels of each Namespace object, by name (built once per array). */
export function namespaceLabels(objects: readonly ManifestObject[]): ReadonlyMap<string, Readonly<Record<string, string>>> {
  let out = namespaceCache.get(objects);
  if (out === undefined) {
    const map = new Map<string, Readonly<Record<string, string>>>();
    for (const object of objects) {
      if (object.kind === "Namespace" && object.apiVersion === "v1") map.set(object.name, asStringMap(at(object.object, "metadata", "labels")));
    }
    namespaceCache.set(objects, map);
    out = map;
  }
  return out;
}

/**
 * istioctl's `util.PodInMesh`: the pod has an `istio-proxy` container with an image, or its `sidecar.istio.io/inject`
 * label (else annotation) says `true`, or (neither set) its Namespace is labelled `istio-injection=enabled`. Pods
 * Istio installs run a proxy.
 */
export function podInMesh(pod: MeshPod, namespaces: ReadonlyMap<string, Readonly<Record<string, string>>>): boolean {
  if (pod.installed !== undefined) return true;
  const spec = pod.spec?.value;
  const containers = [...asArray(spec?.containers), ...asArray(spec?.initContainers)];
  if (containers.some((c) => asObject(c)?.name === "istio-proxy" && (asString(asObject(c)?.image) ?? "") !== "")) return true;
  const inject = pod.labels["sidecar.istio.io/inject"] ?? pod.annotations["sidecar.istio.io/inject"];
  if (inject !== undefined) return inject === "true";
  return namespaces.get(pod.namespace)?.["istio-injection"] === "enabled";
}

/** istioctl's `util.PodInAmbientMode`: the pod is annotated `ambient.istio.io/redirection: enabled`. */
export function podInAmbientMode(pod: MeshPod): boolean {
  return pod.annotations["ambient.istio.io/redirection"] === "enabled";
}

/**
 * istioctl's `util.NamespaceInAmbientMode`: labelled `istio.io/dataplane-mode=ambient`, and neither
 * `istio-injection=enabled` nor a non-empty `istio.io/rev`.
 */
export function namespaceInAmbientMode(labels: Readonly<Record<string, string>> | undefined): boolean {
  if (labels === undefined || labels["istio-injection"] === "enabled" || (labels["istio.io/rev"] ?? "") !== "") return false;
  return labels["istio.io/dataplane-mode"] === "ambient";
}

/** Whether an object's own labels mark it as part of Istio's control plane (istioctl's `util.IsIstioControlPlane`). */
export function isIstioControlPlane(object: ManifestObject): boolean {
  const labels = asStringMap(at(object.object, "metadata", "labels"));
  return "istio" in labels || labels.release === "istio";
}

/** Namespaces Istio's injector and analyzers ignore (`inject.IgnoredNamespaces`). */
export const IGNORED_NAMESPACES: ReadonlySet<string> = new Set(["kube-system", "kube-public", "kube-node-lease", "local-path-storage"]);

const byNamespaceCache = new WeakMap<readonly ManifestObject[], Map<string, MeshPod[]>>();

/** The pods of `objects` in `namespace` (grouped once per array). */
export function meshPodsIn(objects: readonly ManifestObject[], namespace: string): readonly MeshPod[] {
  let byNamespace = byNamespaceCache.get(objects);
  if (byNamespace === undefined) {
    byNamespace = new Map();
    for (const pod of meshPods(objects)) pushTo(byNamespace, pod.namespace, pod);
    byNamespaceCache.set(objects, byNamespace);
  }
  return byNamespace.get(namespace) ?? [];
}

/**
 * istioctl's selector analyzers (Sidecar's, Telemetry's): each policy with a non-empty selector, the pods of its
 * namespace it selects, and (for every pod selected by more than one) the policies selecting it.
 */
export interface SelectorMatches {
  readonly selected: ReadonlyMap<ManifestObject, readonly MeshPod[]>;
  readonly conflicts: ReadonlyMap<MeshPod, readonly ManifestObject[]>;
}

/** Which pods each of `policies` selects (`selectorOf` gives the policy's label map, or undefined when it has none). */
export function selectorMatches(objects: readonly ManifestObject[], policies: readonly ManifestObject[], selectorOf: (policy: ManifestObject) => Readonly<Record<string, string>> | undefined): SelectorMatches {
  const selected = new Map<ManifestObject, MeshPod[]>();
  const byPod = new Map<MeshPod, ManifestObject[]>();
  for (const policy of policies) {
    const selector = selectorOf(policy);
    if (selector === undefined || Object.keys(selector).length === 0) continue;
    const pods = meshPodsIn(objects, namespaceOf(policy) ?? "default").filter((pod) => mapSelects(selector, pod.labels));
    selected.set(policy, pods);
    for (const pod of pods) pushTo(byPod, pod, policy);
  }
  return { selected, conflicts: new Map([...byPod].filter(([, list]) => list.length > 1)) };
}

/** Appends `value` to the list of `key` in `map`. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
