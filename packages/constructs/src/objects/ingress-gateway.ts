import type { ResolvedEnvironment, ResolvedService } from "@cloudlab/model";
import { Gateway as IstioGateway } from "@kubernetes-models/istio/networking.istio.io/v1beta1/Gateway";
import { Gateway } from "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway";
import { HTTPRoute } from "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { MANAGED_BY, serviceLabels } from "../labels.ts";
import { INGRESS_GATEWAY_NAME } from "./mesh-names.ts";
import { INGRESS_POD_SECURITY, podSecurityMetadata } from "./pod-security.ts";

/**
 * DNS failover between the clusters of a stage, for external-dns (Route 53 failover routing): the primary cluster's
 * gateway answers as PRIMARY, the DR cluster's as SECONDARY. Swapping the primary swaps these in both clusters.
 * external-dns reads them from an Istio `Gateway`, but with Gateway API sources only from the routes (it reads nothing
 * but `target` from a Gateway API `Gateway`), so each edge service's HTTPRoute carries them too.
 */
export function dnsFailoverAnnotations(environment: ResolvedEnvironment): Record<string, string> {
  if (environment.peers.length === 0 || environment.cluster.provider !== "eks") return {};
  return {
    "external-dns.alpha.kubernetes.io/set-identifier": environment.cluster.name,
    "external-dns.alpha.kubernetes.io/aws-failover": environment.cluster.role === "primary" ? "PRIMARY" : "SECONDARY",
  };
}

/** The labels of platform-owned objects that belong to no tenant. */
export const PLATFORM_LABELS = { "app.kubernetes.io/part-of": "platform", ...MANAGED_BY } as const;

/** The HTTPS listener of one host: `https-<host with dots as dashes>` (a listener serves a single hostname). */
export function httpsListenerName(host: string): string {
  return `https-${host.replace(/^\*\./, "wildcard.").replace(/\./g, "-")}`.slice(0, 63).replace(/-$/, "");
}

export function edgeServices(services: readonly ResolvedService[]): ResolvedService[] {
  return services.filter((s) => s.ingress !== undefined);
}

/** The ingress gateway's namespace, at the Pod Security level its gateway pods allow. */
export function buildIngressNamespace(environment: ResolvedEnvironment): Namespace {
  const { labels, annotations } = podSecurityMetadata(INGRESS_POD_SECURITY, environment);
  return new Namespace({ metadata: { name: environment.mesh.ingress.namespace, labels: { ...PLATFORM_LABELS, ...labels }, ...(annotations === undefined ? {} : { annotations }) } });
}

/** Every exposed host with its certificate Secret, sorted by host. */
export function hostCertificates(edges: readonly ResolvedService[]): [host: string, secret: string][] {
  const byHost = new Map<string, string>();
  for (const service of edges) for (const host of service.ingress!.hosts) byHost.set(host, service.ingress!.tlsSecretName);
  return [...byHost.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The Gateway API `Gateway` (class `istio`) of an environment with edge services: an HTTP listener (redirected to
 * HTTPS) and an HTTPS listener per exposed host, its certificate referenced by Secret name. Routes are accepted only from the tenants
 * that have edge services. `undefined` when no service is exposed.
 */
export function buildGatewayApiGateway(environment: ResolvedEnvironment, services: readonly ResolvedService[]): Gateway | undefined {
  const edges = edgeServices(services);
  if (edges.length === 0 || environment.mesh.ingress.mode !== "gateway-api") return undefined;
  const tenants = [...new Set(edges.map((s) => s.tenant))].sort();
  const allowedRoutes = {
    namespaces: { from: "Selector" as const, selector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: tenants }] } },
  };
  const listeners = [
    { name: "http", port: 80, protocol: "HTTP", allowedRoutes: { namespaces: { from: "Same" as const } } },
    ...hostCertificates(edges).map(([host, secret]) => ({
      name: httpsListenerName(host),
      hostname: host,
      port: 443,
      protocol: "HTTPS",
      tls: { mode: "Terminate" as const, certificateRefs: [{ kind: "Secret", name: secret }] },
      allowedRoutes,
    })),
  ];
  return new Gateway({
    metadata: {
      name: INGRESS_GATEWAY_NAME,
      namespace: environment.mesh.ingress.namespace,
      labels: { ...PLATFORM_LABELS },
      ...(environment.peers.length > 0 ? { annotations: dnsFailoverAnnotations(environment) } : {}),
    },
    spec: { gatewayClassName: "istio", listeners },
  });
}

/** Redirects every plain-HTTP request at the gateway to HTTPS (301). */
export function buildHttpsRedirectRoute(environment: ResolvedEnvironment, services: readonly ResolvedService[]): HTTPRoute | undefined {
  if (edgeServices(services).length === 0 || environment.mesh.ingress.mode !== "gateway-api") return undefined;
  return new HTTPRoute({
    metadata: { name: "https-redirect", namespace: environment.mesh.ingress.namespace, labels: { ...PLATFORM_LABELS } },
    spec: {
      parentRefs: [{ name: INGRESS_GATEWAY_NAME, sectionName: "http" }],
      rules: [{ filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 301 } }] }],
    },
  });
}

/** Whether an edge service needs a Service per version (its HTTPRoute splits between versions). */
export function routesVersionsAtGateway(service: ResolvedService, environment: ResolvedEnvironment): boolean {
  return service.ingress !== undefined && environment.mesh.ingress.mode === "gateway-api" && service.versions.length > 1;
}

function headerMatches(headers: ResolvedService["routing"]["matches"][number]["headers"]) {
  return Object.entries(headers).map(([name, match]) =>
    match.exact !== undefined
      ? { type: "Exact" as const, name, value: match.exact }
      : { type: "RegularExpression" as const, name, value: match.regex ?? `^${match.prefix!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*` },
  );
}

/**
 * An edge service's `HTTPRoute`: its hosts and path prefix on the gateway's HTTPS listeners. A single-version service
 * goes to its Service; with several versions, A/B rules go to their version's Service and the rest is split by weight.
 */
export function buildHttpRoute(service: ResolvedService, environment: ResolvedEnvironment): HTTPRoute | undefined {
  const ingress = service.ingress;
  if (ingress === undefined || environment.mesh.ingress.mode !== "gateway-api") return undefined;
  const path = { type: "PathPrefix" as const, value: ingress.pathPrefix };
  const port = ingress.port.port;
  const byVersion = new Map(service.versions.map((v) => [v.name, v.workloadName]));
  const rules = routesVersionsAtGateway(service, environment)
    ? [
        ...service.routing.matches.map((rule) => ({
          matches: [{ path, headers: headerMatches(rule.headers) }],
          backendRefs: [{ name: byVersion.get(rule.version)!, port }],
        })),
        {
          matches: [{ path }],
          backendRefs: service.versions.map((v) => ({ name: v.workloadName, port, weight: v.weight })),
        },
      ]
    : [{ matches: [{ path }], backendRefs: [{ name: service.name, port }] }];
  const failover = dnsFailoverAnnotations(environment);
  return new HTTPRoute({
    metadata: {
      name: service.name,
      namespace: service.tenant,
      labels: serviceLabels(service),
      ...(Object.keys(failover).length > 0 ? { annotations: failover } : {}),
    },
    spec: {
      parentRefs: ingress.hosts.map((host) => ({
        group: "gateway.networking.k8s.io",
        kind: "Gateway",
        name: INGRESS_GATEWAY_NAME,
        namespace: environment.mesh.ingress.namespace,
        sectionName: httpsListenerName(host),
      })),
      hostnames: [...ingress.hosts],
      rules,
    },
  });
}

/** The Istio `Gateway` alternative: an HTTPS server per host (SIMPLE TLS by Secret name), HTTP redirected. */
export function buildIstioIngressGateway(environment: ResolvedEnvironment, services: readonly ResolvedService[]): IstioGateway | undefined {
  const edges = edgeServices(services);
  if (edges.length === 0 || environment.mesh.ingress.mode !== "istio") return undefined;
  const all = [...new Set(edges.flatMap((s) => s.ingress!.hosts))].sort();
  return new IstioGateway({
    metadata: {
      name: INGRESS_GATEWAY_NAME,
      namespace: environment.mesh.ingress.namespace,
      labels: { ...PLATFORM_LABELS },
      ...(environment.peers.length > 0 ? { annotations: dnsFailoverAnnotations(environment) } : {}),
    },
    spec: {
      selector: { istio: "ingressgateway" },
      servers: [
        { port: { number: 80, name: "http", protocol: "HTTP" }, hosts: all, tls: { httpsRedirect: true } },
        ...hostCertificates(edges).map(([host, secret]) => ({
          port: { number: 443, name: httpsListenerName(host), protocol: "HTTPS" },
          hosts: [host],
          tls: { mode: "SIMPLE" as const, credentialName: secret },
        })),
      ],
    },
  });
}
