import type { ResolvedEnvironment, ResolvedService } from "@cloudlab/model";
import { VirtualService } from "@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService";
import { serviceLabels } from "../labels.ts";
import { INGRESS_GATEWAY_NAME, serviceHost } from "./mesh-names.ts";
import { CANARY_SUBSET, STABLE_SUBSET } from "./rollout-names.ts";

type HttpRoute = NonNullable<NonNullable<ConstructorParameters<typeof VirtualService>[0]>["spec"]>["http"] extends
  | readonly (infer R)[]
  | undefined
  ? R
  : never;

/** Whether the service speaks HTTP on some port (VirtualService HTTP routing, retries and timeouts apply). */
export function hasHttpPorts(service: ResolvedService): boolean {
  return service.ports.some((p) => p.protocol !== "tcp");
}

/** The route name of the default split; A/B rules are named after their spec rule. */
export const DEFAULT_ROUTE = "default";

/**
 * The HTTP routes of a service: its A/B rules first (each to one version), then the default split between versions
 * (weights, or the live version of a blue-green pair), each with the service's retries and timeout; fault injection
 * and mirroring on the default route.
 */
export function serviceHttpRoutes(service: ResolvedService, port?: number): HttpRoute[] {
  const host = serviceHost(service);
  const destination = (subset: string) => ({ host, subset, ...(port === undefined ? {} : { port: { number: port } }) });
  const { retries, timeout } = service.traffic;
  // With no retries (attempts 0) istiod refuses any other retry setting.
  const retryPolicy = retries.attempts === 0 ? { attempts: 0 } : { attempts: retries.attempts, perTryTimeout: retries.perTryTimeout, retryOn: retries.retryOn };
  const policy = { retries: retryPolicy, timeout };
  const rules: HttpRoute[] = service.routing.matches.map((rule) => ({
    name: rule.name,
    match: [{ headers: Object.fromEntries(Object.entries(rule.headers).map(([name, m]) => [name, { ...m }])) }],
    route: [{ destination: destination(rule.version) }],
    ...policy,
  }));
  const split =
    service.delivery.strategy === "canary"
      ? // Argo Rollouts owns these two weights: everything to the stable pods until a canary starts.
        [
          { destination: destination(STABLE_SUBSET), weight: 100 },
          { destination: destination(CANARY_SUBSET), weight: 0 },
        ]
      : service.versions.length === 1
      ? [{ destination: destination(service.versions[0]!.name) }]
      : service.versions.map((v) => ({ destination: destination(v.name), weight: v.weight }));
  const { fault, mirror } = service.routing;
  rules.push({
    name: DEFAULT_ROUTE,
    route: split,
    ...policy,
    ...(fault === undefined
      ? {}
      : {
          fault: {
            ...(fault.delay === undefined ? {} : { delay: { fixedDelay: fault.delay.fixedDelay, percentage: { value: fault.delay.percent } } }),
            ...(fault.abort === undefined ? {} : { abort: { httpStatus: fault.abort.httpStatus, percentage: { value: fault.abort.percent } } }),
          },
        }),
    ...(mirror === undefined ? {} : { mirror: destination(mirror.version), mirrorPercentage: { value: mirror.percent } }),
  });
  return rules;
}

/**
 * The ports the mesh VirtualService routes one by one: none when the Service exposes a single port (its destinations
 * need no port), else each HTTP port: a destination to a host with several ports must name one (istioctl IST0112), so
 * each port gets its own routes, matched on that port, named `<route>-<port name>`.
 */
function routedPorts(service: ResolvedService): readonly ResolvedService["ports"][number][] {
  return service.ports.length < 2 ? [] : service.ports.filter((p) => p.protocol !== "tcp");
}

/** The names of the default split's routes in the mesh VirtualService (what Argo Rollouts sets the weights of). */
export function defaultRouteNames(service: ResolvedService): string[] {
  const ports = routedPorts(service);
  return ports.length === 0 ? [DEFAULT_ROUTE] : ports.map((p) => `${DEFAULT_ROUTE}-${p.name}`);
}

/** The service's mesh VirtualService (sidecar-to-sidecar traffic); `undefined` for a TCP-only service. */
export function buildVirtualService(service: ResolvedService): VirtualService | undefined {
  if (!hasHttpPorts(service)) return undefined;
  const ports = routedPorts(service);
  const http =
    ports.length === 0
      ? serviceHttpRoutes(service)
      : ports.flatMap((p) =>
          serviceHttpRoutes(service, p.port).map((route) => ({
            ...route,
            name: `${route.name}-${p.name}`,
            match: (route.match ?? [{}]).map((m) => ({ ...m, port: p.port })),
          })),
        );
  return new VirtualService({
    metadata: { name: service.name, namespace: service.tenant, labels: serviceLabels(service) },
    spec: { hosts: [serviceHost(service)], http },
  });
}

/** The name of an edge service's VirtualService bound to the ingress Gateway. */
export function ingressVirtualServiceName(service: ResolvedService): string {
  return `${service.name}-ingress`;
}

/** For Istio-gateway ingress: an edge service's VirtualService bound to the environment's ingress Gateway. */
export function buildIngressVirtualService(service: ResolvedService, environment: ResolvedEnvironment): VirtualService | undefined {
  const ingress = service.ingress;
  if (ingress === undefined || environment.mesh.ingress.mode !== "istio") return undefined;
  const routes = serviceHttpRoutes(service, ingress.port.port).map((route) => ({
    ...route,
    match: (route.match ?? [{}]).map((m) => ({ ...m, uri: { prefix: ingress.pathPrefix } })),
  }));
  return new VirtualService({
    metadata: { name: ingressVirtualServiceName(service), namespace: service.tenant, labels: serviceLabels(service) },
    spec: {
      hosts: [...ingress.hosts],
      gateways: [`${environment.mesh.ingress.namespace}/${INGRESS_GATEWAY_NAME}`],
      http: routes,
    },
  });
}
