import type { FieldPath } from "../field-path.ts";
import type { ManifestObject } from "../manifest-object.ts";
import { podSpecPath, podTemplatePath } from "../support/pod-spec.ts";
import { asStringMap, at } from "../support/values.ts";

/** An Istio annotation as istio/api's `annotation` package declares it: the kinds it applies to, whether deprecated. */
export interface IstioAnnotation {
  /** `Any`, or the kinds in the order istio/api lists them (the order of istioctl's IST0107 message). */
  readonly resources: readonly string[];
  readonly deprecated?: boolean;
}

const POD = ["Pod"];
const SERVICE = ["Service"];
const ANY = ["Any"];
const GATEWAY = ["Gateway"];
const WORKLOAD_ENTRY = ["WorkloadEntry"];
const DEPRECATED_POD: IstioAnnotation = { resources: POD, deprecated: true };

/**
 * Istio's resource annotations (istio/api `annotation/annotations.yaml`), the union of Istio 1.20–1.24 so that an
 * annotation one of them knows is never called unknown.
 */
export const ISTIO_ANNOTATIONS: ReadonlyMap<string, IstioAnnotation> = new Map<string, IstioAnnotation>([
  ["alpha.istio.io/canonical-serviceaccounts", { resources: SERVICE, deprecated: true }],
  ["alpha.istio.io/kubernetes-serviceaccounts", { resources: SERVICE, deprecated: true }],
  ["alpha.istio.io/identity", DEPRECATED_POD],
  ["ambient.istio.io/bypass-inbound-capture", { resources: POD }],
  ["ambient.istio.io/redirection", { resources: POD }],
  ["ambient.istio.io/waypoint-inbound-binding", { resources: ["GatewayClass", "Gateway"] }],
  ["galley.istio.io/analyze-suppress", { resources: ANY }],
  ["gateway.istio.io/controller-version", { resources: ANY }],
  ["gateway.istio.io/name-override", { resources: GATEWAY }],
  ["gateway.istio.io/service-account", { resources: GATEWAY }],
  ["inject.istio.io/templates", { resources: POD }],
  ["install.operator.istio.io/chart-owner", { resources: ANY }],
  ["install.operator.istio.io/owner-generation", { resources: ANY }],
  ["install.operator.istio.io/version", { resources: ANY }],
  ["istio.io/autoRegistrationGroup", { resources: WORKLOAD_ENTRY }],
  ["istio.io/connectedAt", { resources: WORKLOAD_ENTRY }],
  ["istio.io/disconnectedAt", { resources: WORKLOAD_ENTRY }],
  ["istio.io/dry-run", { resources: ["AuthorizationPolicy"] }],
  ["istio.io/rev", { resources: POD }],
  ["istio.io/workloadController", { resources: WORKLOAD_ENTRY }],
  ["kubernetes.io/ingress.class", { resources: ["Ingress"] }],
  ["networking.istio.io/exportTo", { resources: SERVICE }],
  ["networking.istio.io/service-type", { resources: GATEWAY }],
  ["networking.istio.io/traffic-distribution", { resources: ["Service", "ServiceEntry"] }],
  ["prometheus.istio.io/merge-metrics", { resources: POD }],
  ["proxy.istio.io/config", { resources: POD }],
  ["proxy.istio.io/overrides", { resources: POD }],
  ["readiness.status.sidecar.istio.io/applicationPorts", { resources: POD }],
  ["readiness.status.sidecar.istio.io/failureThreshold", { resources: POD }],
  ["readiness.status.sidecar.istio.io/initialDelaySeconds", { resources: POD }],
  ["readiness.status.sidecar.istio.io/periodSeconds", { resources: POD }],
  ["sidecar.istio.io/agentLogLevel", { resources: POD }],
  ["sidecar.istio.io/bootstrapOverride", { resources: POD }],
  ["sidecar.istio.io/componentLogLevel", { resources: POD }],
  ["sidecar.istio.io/controlPlaneAuthPolicy", DEPRECATED_POD],
  ["sidecar.istio.io/discoveryAddress", DEPRECATED_POD],
  ["sidecar.istio.io/enableCoreDump", { resources: POD }],
  ["sidecar.istio.io/extraStatTags", DEPRECATED_POD],
  ["sidecar.istio.io/inject", DEPRECATED_POD],
  ["sidecar.istio.io/interceptionMode", { resources: POD }],
  ["sidecar.istio.io/logLevel", { resources: POD }],
  ["sidecar.istio.io/nativeSidecar", { resources: POD }],
  ["sidecar.istio.io/proxyCPU", { resources: POD }],
  ["sidecar.istio.io/proxyCPULimit", { resources: POD }],
  ["sidecar.istio.io/proxyImage", { resources: POD }],
  ["sidecar.istio.io/proxyImageType", { resources: POD }],
  ["sidecar.istio.io/proxyMemory", { resources: POD }],
  ["sidecar.istio.io/proxyMemoryLimit", { resources: POD }],
  ["sidecar.istio.io/rewriteAppHTTPProbers", { resources: POD }],
  ["sidecar.istio.io/statsHistogramBuckets", { resources: POD }],
  ["sidecar.istio.io/statsInclusionPrefixes", DEPRECATED_POD],
  ["sidecar.istio.io/statsInclusionRegexps", DEPRECATED_POD],
  ["sidecar.istio.io/statsInclusionSuffixes", DEPRECATED_POD],
  ["sidecar.istio.io/status", { resources: POD }],
  ["sidecar.istio.io/userVolume", { resources: POD }],
  ["sidecar.istio.io/userVolumeMount", { resources: POD }],
  ["status.sidecar.istio.io/port", { resources: POD }],
  ["topology.istio.io/controlPlaneClusters", { resources: ["Namespace"] }],
  ["traffic.istio.io/nodeSelector", { resources: SERVICE }],
  ["traffic.sidecar.istio.io/excludeInboundPorts", { resources: POD }],
  ["traffic.sidecar.istio.io/excludeInterfaces", { resources: POD }],
  ["traffic.sidecar.istio.io/excludeOutboundIPRanges", { resources: POD }],
  ["traffic.sidecar.istio.io/excludeOutboundPorts", { resources: POD }],
  ["traffic.sidecar.istio.io/includeInboundPorts", { resources: POD }],
  ["traffic.sidecar.istio.io/includeOutboundIPRanges", { resources: POD }],
  ["traffic.sidecar.istio.io/includeOutboundPorts", { resources: POD }],
  ["traffic.sidecar.istio.io/kubevirtInterfaces", { resources: POD }],
]);

/** istioctl's `istioAnnotation`: the key's prefix (before the first `/`) ends with `istio.io`, or it is `kubernetes.io/ingress.class`. */
export function isIstioAnnotation(name: string): boolean {
  return name === "kubernetes.io/ingress.class" || name.split("/")[0]!.endsWith("istio.io");
}

/** A set of annotations istioctl's annotation analyzer judges, and the kind it judges them as. */
export interface AnnotationSite {
  /** The path of the annotations map. */
  readonly path: FieldPath;
  /** `Pod` for pod templates. */
  readonly kind: string;
  readonly annotations: Readonly<Record<string, string>>;
  /** The labels beside them (the deprecated inject annotation is not reported when the inject label is there). */
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * The annotations istioctl's `annotations.K8sAnalyzer` judges in an object: a Namespace's, a Service's, a Pod's, a
 * workload's own (as its kind) and its pod template's (as a Pod's, which its pods carry).
 */
export function annotationSites(object: ManifestObject): readonly AnnotationSite[] {
  // Four rules ask for each object's sites: found once per object.
  const data = object.object;
  let sites = sitesByObject.get(data);
  if (sites === undefined) {
    sites = findAnnotationSites(object);
    sitesByObject.set(data, sites);
  }
  return sites;
}

/** The annotation sites found, by the (defaulted) object they are in. */
const sitesByObject = new WeakMap<object, readonly AnnotationSite[]>();

function findAnnotationSites(object: ManifestObject): readonly AnnotationSite[] {
  const sites: AnnotationSite[] = [];
  const own = (kind: string): AnnotationSite => ({
    path: ["metadata", "annotations"],
    kind,
    annotations: asStringMap(at(object.object, "metadata", "annotations")),
    labels: asStringMap(at(object.object, "metadata", "labels")),
  });
  if (object.apiVersion === "v1" && (object.kind === "Namespace" || object.kind === "Service" || object.kind === "Pod")) return [own(object.kind)];
  if (podSpecPath(object.apiVersion, object.kind) === undefined) return [];
  sites.push(own(object.kind));
  const template = podTemplatePath(object.apiVersion, object.kind);
  if (template !== undefined) {
    sites.push({
      path: [...template, "metadata", "annotations"],
      kind: "Pod",
      annotations: asStringMap(at(object.object, ...template, "metadata", "annotations")),
      labels: asStringMap(at(object.object, ...template, "metadata", "labels")),
    });
  }
  return sites.filter((site) => Object.keys(site.annotations).some(isIstioAnnotation));
}

/** Go's `%q` of a string (ASCII text as JSON quotes it). */
function goQuote(text: string): string {
  return JSON.stringify(text);
}

/** `strconv.ParseUint(text, 10, bits)`'s error, or undefined. */
function parseUintError(text: string, bits: 16 | 32): string | undefined {
  if (!/^[0-9]+$/.test(text)) return `strconv.ParseUint: parsing ${goQuote(text)}: invalid syntax`;
  return text.replace(/^0+/, "").length > 10 || Number(text) >= 2 ** bits ? `strconv.ParseUint: parsing ${goQuote(text)}: value out of range` : undefined;
}

function portError(text: string): string | undefined {
  const error = parseUintError(text.trim(), 16);
  return error === undefined ? undefined : `failed parsing port '${text}': ${error}`;
}

function portListError(parameter: string, ports: string): string | undefined {
  const trimmed = ports.trim();
  if (trimmed === "") return undefined;
  for (const port of trimmed.split(",")) {
    const error = portError(port);
    if (error !== undefined) return `${parameter} invalid: failed parsing port '${port}': ${error}`;
  }
  return undefined;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** `netip.ParseAddr`'s complaint about an address, or undefined (IPv6 checked loosely). */
function addressError(address: string): string | undefined {
  const v4 = IPV4.exec(address);
  if (v4 !== null) {
    if (v4.slice(1).some((field) => field.length > 1 && field.startsWith("0"))) return `ParseAddr(${goQuote(address)}): IPv4 field has octet with leading zero`;
    return v4.slice(1).some((field) => Number(field) > 255) ? `ParseAddr(${goQuote(address)}): IPv4 field has value >255` : undefined;
  }
  if (address.includes(":") && /^[0-9a-fA-F:.]+$/.test(address) && address.split("::").length <= 2) return undefined;
  return `ParseAddr(${goQuote(address)}): unable to parse IP`;
}

/** `netip.ParsePrefix`'s error, or undefined. */
function prefixError(cidr: string): string | undefined {
  const slash = cidr.lastIndexOf("/");
  const head = `netip.ParsePrefix(${goQuote(cidr)})`;
  if (slash < 0) return `${head}: no '/'`;
  const address = cidr.slice(0, slash);
  const bits = cidr.slice(slash + 1);
  const invalidAddress = addressError(address);
  if (invalidAddress !== undefined) return `${head}: ${invalidAddress}`;
  if (!/^(0|[1-9][0-9]*)$/.test(bits)) return `${head}: bad bits after slash: ${goQuote(bits)}`;
  return Number(bits) > (address.includes(":") ? 128 : 32) ? `${head}: prefix length out of range` : undefined;
}

function cidrListError(parameter: string, cidrs: string): string | undefined {
  if (cidrs === "") return undefined;
  for (const cidr of cidrs.split(",")) {
    const error = prefixError(cidr);
    if (error !== undefined) return `${parameter} invalid: failed parsing cidr '${cidr}': ${error}`;
  }
  return undefined;
}

const BOOLEANS = new Set(["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"]);

/** The annotations whose values istioctl validates (`inject.AnnotationValidation`), with their validators. */
const VALIDATORS: ReadonlyMap<string, (value: string) => string | undefined> = new Map<string, (value: string) => string | undefined>([
  ["sidecar.istio.io/interceptionMode", (v) => (["REDIRECT", "TPROXY", "NONE"].includes(v) ? undefined : `interceptionMode invalid, use REDIRECT,TPROXY,NONE: ${v}`)],
  ["status.sidecar.istio.io/port", (v) => {
    const error = portError(v);
    return error === undefined ? undefined : `excludeInboundPorts invalid: ${error}`;
  }],
  ["readiness.status.sidecar.istio.io/initialDelaySeconds", (v) => parseUintError(v, 32)],
  ["readiness.status.sidecar.istio.io/periodSeconds", (v) => parseUintError(v, 32)],
  ["readiness.status.sidecar.istio.io/failureThreshold", (v) => parseUintError(v, 32)],
  ["traffic.sidecar.istio.io/includeOutboundIPRanges", (v) => (v === "*" ? undefined : cidrListError("includeIPRanges", v))],
  ["traffic.sidecar.istio.io/excludeOutboundIPRanges", (v) => cidrListError("excludeIPRanges", v)],
  ["traffic.sidecar.istio.io/includeInboundPorts", (v) => (v === "*" ? undefined : portListError("includeInboundPorts", v))],
  ["traffic.sidecar.istio.io/excludeInboundPorts", (v) => portListError("excludeInboundPorts", v)],
  ["traffic.sidecar.istio.io/excludeOutboundPorts", (v) => portListError("excludeOutboundPorts", v)],
  ["prometheus.istio.io/merge-metrics", (v) => (BOOLEANS.has(v) ? undefined : `strconv.ParseBool: parsing ${goQuote(v)}: invalid syntax`)],
]);

/** What istioctl says is wrong with an annotation's value (IST0125), or undefined. */
export function annotationValueProblem(name: string, value: string): string | undefined {
  return VALIDATORS.get(name)?.(value);
}
