import { resolveSecrets } from "./resolve-secrets.ts";
import type {
  ResolvedAcceptRule,
  ResolvedApiAccess,
  ResolvedCall,
  ResolvedEnvironment,
  ResolvedIngress,
  ResolvedPort,
  ResolvedRouting,
  ResolvedTraffic,
  ResolvedVersion,
  ResolvedProbe,
  ResolvedScaling,
  ResolvedScalingBehavior,
  ResolvedService,
} from "./resolved.ts";
import type { StringMatchSpec } from "./spec/mesh-spec.ts";
import { resolveDelivery } from "./resolve-delivery.ts";
import { resolveServiceObservability } from "./resolve-observability.ts";
import type { ImageSpec, ProbeSpec, ServiceSpec } from "./spec/service-spec.ts";

/** What resolution needs to know about where a value came from. */
export interface ResolveOptions {
  /**
   * The environment's override sets `autoscaling.minReplicas` itself: a DR cluster then keeps that minimum instead of
   * its warm-standby share.
   * @default false
   */
  readonly explicitMinReplicas?: boolean;
}

function resolveProbe(probe: ProbeSpec): ResolvedProbe {
  return {
    ...probe,
    initialDelaySeconds: probe.initialDelaySeconds ?? 0,
    periodSeconds: probe.periodSeconds ?? 10,
    timeoutSeconds: probe.timeoutSeconds ?? 1,
    failureThreshold: probe.failureThreshold ?? 3,
  };
}

/**
 * How many replicas the service runs here. Precedence: the service's own `replicas`, else its `autoscaling` when the
 * environment autoscales (capped by `maxReplicasCap`), else the environment's default replica count.
 */
export function resolveScaling(spec: ServiceSpec, environment: ResolvedEnvironment, options: ResolveOptions = {}): ResolvedScaling {
  const defaults = environment.defaults;
  if (spec.replicas !== undefined) return { kind: "fixed", replicas: spec.replicas };
  if (spec.autoscaling === undefined || defaults.autoscaling === "off" || spec.workload === "stateful") {
    return { kind: "fixed", replicas: defaults.replicas };
  }
  const cap = defaults.maxReplicasCap ?? Number.POSITIVE_INFINITY;
  const maxReplicas = Math.min(spec.autoscaling.maxReplicas, cap);
  // A DR cluster keeps a warm standby: a share of the minimum, never below one pod.
  const standby = environment.cluster.role === "dr" && options.explicitMinReplicas !== true ? Math.max(1, Math.ceil((spec.autoscaling.minReplicas * defaults.drMinReplicasPercent) / 100)) : undefined;
  return {
    kind: "autoscaled",
    minReplicas: Math.min(standby ?? spec.autoscaling.minReplicas, maxReplicas),
    maxReplicas,
    cpuTargetPercent: spec.autoscaling.cpuTargetPercent ?? 70,
    memoryTargetPercent: spec.autoscaling.memoryTargetPercent,
    behavior: resolveBehavior(spec.autoscaling.behavior),
  };
}

function resolveBehavior(behavior: NonNullable<ServiceSpec["autoscaling"]>["behavior"]): ResolvedScalingBehavior {
  return {
    scaleUpStabilizationSeconds: behavior?.scaleUpStabilizationSeconds ?? 0,
    scaleUpPercentPer15s: behavior?.scaleUpPercentPer15s ?? 200,
    scaleUpPodsPer15s: behavior?.scaleUpPodsPer15s ?? 10,
    scaleDownStabilizationSeconds: behavior?.scaleDownStabilizationSeconds ?? 300,
    scaleDownPercentPerMinute: behavior?.scaleDownPercentPerMinute ?? 10,
  };
}

function imageReference({ repository, tag, digest }: ImageSpec): string {
  return `${repository}${tag === undefined ? "" : `:${tag}`}${digest === undefined ? "" : `@${digest}`}`;
}

/**
 * A service in one environment, from its effective spec (override applied, already checked). Pure: the same spec and
 * environment give the same result.
 */
export function resolveService(
  spec: ServiceSpec,
  file: string,
  environment: ResolvedEnvironment,
  callers: readonly ResolvedCall[] = [],
  options: ResolveOptions = {},
): ResolvedService {
  const probes = spec.probes;
  const ports = (spec.ports ?? []).map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort ?? p.port, protocol: p.protocol }));
  return {
    name: spec.name,
    team: spec.team,
    tenant: spec.tenant,
    file,
    description: spec.description,
    image: imageReference(spec.image),
    containerName: spec.containerName ?? "server",
    ports,
    env: spec.env ?? [],
    secrets: resolveSecrets(spec.secrets),
    resources: spec.resources ?? environment.defaults.resources,
    probes:
      probes === undefined
        ? undefined
        : {
            readiness: resolveProbe(probes.readiness),
            liveness: resolveProbe(probes.liveness),
            startup: probes.startup === undefined ? undefined : resolveProbe(probes.startup),
          },
    scaling: resolveScaling(spec, environment, options),
    workload: spec.workload ?? "stateless",
    storage:
      spec.storage === undefined
        ? undefined
        : { size: spec.storage.size, mountPath: spec.storage.mountPath, storageClass: spec.storage.storageClass ?? environment.cluster.storageClass },
    calls: (spec.calls ?? []).map((callee) => parseServiceRef(callee, spec.tenant)),
    egress: (spec.egress ?? []).map((e) => ({ host: e.host, port: e.port ?? DEFAULT_EGRESS_PORT, protocol: e.protocol ?? DEFAULT_EGRESS_PROTOCOL })),
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
    serviceAccountName: spec.serviceAccountName ?? spec.name,
    apiAccess: resolveApiAccess(spec),
    security: {
      runAsUser: spec.security?.runAsUser ?? 1000,
      runAsGroup: spec.security?.runAsGroup ?? 1000,
      bindLowPorts: spec.security?.bindLowPorts ?? false,
      writablePaths: spec.security?.writablePaths ?? [],
    },
    disasterRecovery: spec.disasterRecovery ?? "warm-standby",
    preStopSleepSeconds: spec.preStopSleepSeconds,
    sidecarResources: environment.defaults.sidecarResources,
    topologySpread: environment.defaults.topologySpread,
    versions: resolveVersions(spec),
    routing: resolveRouting(spec),
    delivery: resolveDelivery(spec.delivery),
    traffic: resolveTraffic(spec, environment, ports),
    accepts: resolveAccepts(spec, callers),
    critical: spec.critical ?? false,
    ingress: resolveIngress(spec, environment, ports),
    observability: resolveServiceObservability(spec.observability, ports, environment.observability),
  };
}

function resolveApiAccess(spec: ServiceSpec): ResolvedApiAccess | undefined {
  const access = spec.apiAccess;
  if (access === undefined) return undefined;
  return {
    roleName: access.roleName ?? `${spec.name}-role`,
    roleBindingName: access.roleBindingName ?? `${spec.name}-rolebinding`,
    rules: access.rules.map((rule) => ({ apiGroups: rule.apiGroups ?? [""], resources: rule.resources, verbs: rule.verbs })),
  };
}

/** A service reference as written in `calls`, `exposedTo` or `accepts`: `name` (same tenant) or `tenant/name`. */
export function parseServiceRef(reference: string, ownTenant: string): ResolvedCall {
  const [tenant, service] = reference.includes("/") ? (reference.split("/") as [string, string]) : [ownTenant, reference];
  return { tenant, service };
}

/** The port of an external host when the spec names none (an HTTPS API). */
export const DEFAULT_EGRESS_PORT = 443;
/** The protocol spoken to an external host when the spec names none: TLS the application originates. */
export const DEFAULT_EGRESS_PROTOCOL = "tls";

/** The version every service has when it declares none. */
export const DEFAULT_VERSION_NAME = "v1";

function resolveVersions(spec: ServiceSpec): ResolvedVersion[] {
  const declared = spec.versions;
  if (declared === undefined || declared.length === 0) {
    return [{ name: DEFAULT_VERSION_NAME, image: imageReference(spec.image), weight: 100, workloadName: spec.name }];
  }
  const blueGreen = spec.routing?.strategy === "blue-green";
  return declared.map((version) => ({
    name: version.name,
    image: imageReference({ ...spec.image, ...version.image } as ImageSpec),
    weight: blueGreen ? (version.name === spec.routing?.live ? 100 : 0) : (version.weight ?? (declared.length === 1 ? 100 : 0)),
    workloadName: `${spec.name}-${version.name}`,
  }));
}

/** A cookie condition as Istio expresses it: a regex on the `cookie` header. */
function cookieMatch(name: string, value: string): StringMatchSpec {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return { regex: `^(.*?;\\s*)?(${escape(name)}=${escape(value)})(;.*)?$` };
}

function resolveRouting(spec: ServiceSpec): ResolvedRouting {
  const routing = spec.routing ?? {};
  return {
    strategy: routing.strategy ?? "weighted",
    matches: (routing.matches ?? []).map((m) => ({
      name: m.name,
      headers: { ...m.headers, ...(m.cookie === undefined ? {} : { cookie: cookieMatch(m.cookie.name, m.cookie.value) }) },
      version: m.version,
    })),
    fault: routing.fault,
    mirror: routing.mirror,
  };
}

const RETRY_ON_HTTP = "connect-failure,refused-stream,reset,gateway-error";
const RETRY_ON_GRPC = "connect-failure,refused-stream,reset,unavailable,cancelled";

function resolveTraffic(spec: ServiceSpec, environment: ResolvedEnvironment, ports: readonly ResolvedPort[]): ResolvedTraffic {
  const traffic = spec.traffic ?? {};
  const grpcOnly = ports.length > 0 && ports.every((p) => p.protocol === "grpc");
  const pool = environment.mesh.connectionPool;
  const outlier = environment.mesh.outlierDetection;
  return {
    timeout: traffic.timeout ?? "10s",
    retries: {
      attempts: traffic.retries?.attempts ?? 3,
      perTryTimeout: traffic.retries?.perTryTimeout ?? "2s",
      retryOn: traffic.retries?.retryOn ?? (grpcOnly ? RETRY_ON_GRPC : RETRY_ON_HTTP),
    },
    connectionPool: { ...pool, ...traffic.connectionPool },
    outlierDetection: { ...outlier, ...traffic.outlierDetection },
  };
}

function resolveAccepts(spec: ServiceSpec, callers: readonly ResolvedCall[]): ResolvedAcceptRule[] {
  const sameCaller = (a: ResolvedCall, b: ResolvedCall) => a.tenant === b.tenant && a.service === b.service;
  const rules = spec.accepts ?? [{}];
  return rules
    .map((rule) => ({
      from:
        rule.from === undefined
          ? [...callers]
          : rule.from.map((ref) => parseServiceRef(ref, spec.tenant)).filter((c) => callers.some((k) => sameCaller(k, c))),
      paths: rule.paths ?? [],
      methods: rule.methods ?? [],
      ports: rule.ports ?? [],
    }))
    .filter((rule) => rule.from.length > 0);
}

function resolveIngress(spec: ServiceSpec, environment: ResolvedEnvironment, ports: readonly ResolvedPort[]): ResolvedIngress | undefined {
  const ingress = spec.ingress;
  if (ingress === undefined) return undefined;
  const port = ports.find((p) => (ingress.port === undefined ? p.protocol !== "tcp" : p.name === ingress.port))!;
  return {
    hosts: ingress.hosts,
    pathPrefix: ingress.pathPrefix ?? "/",
    port,
    tlsSecretName: ingress.tlsSecretName ?? environment.mesh.ingress.tlsSecretName,
  };
}
