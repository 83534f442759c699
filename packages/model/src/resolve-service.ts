import type {
  ResolvedApiAccess,
  ResolvedEnvironment,
  ResolvedProbe,
  ResolvedScaling,
  ResolvedScalingBehavior,
  ResolvedService,
} from "./resolved.ts";
import type { ProbeSpec, ServiceSpec } from "./spec/service-spec.ts";

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
export function resolveScaling(spec: ServiceSpec, environment: ResolvedEnvironment): ResolvedScaling {
  const defaults = environment.defaults;
  if (spec.replicas !== undefined) return { kind: "fixed", replicas: spec.replicas };
  if (spec.autoscaling === undefined || defaults.autoscaling === "off" || spec.workload === "stateful") {
    return { kind: "fixed", replicas: defaults.replicas };
  }
  const cap = defaults.maxReplicasCap ?? Number.POSITIVE_INFINITY;
  const maxReplicas = Math.min(spec.autoscaling.maxReplicas, cap);
  return {
    kind: "autoscaled",
    minReplicas: Math.min(spec.autoscaling.minReplicas, maxReplicas),
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

function imageReference({ repository, tag, digest }: ServiceSpec["image"]): string {
  return `${repository}${tag === undefined ? "" : `:${tag}`}${digest === undefined ? "" : `@${digest}`}`;
}

/**
 * A service in one environment, from its effective spec (override applied, already checked). Pure: the same spec and
 * environment give the same result.
 */
export function resolveService(spec: ServiceSpec, file: string, environment: ResolvedEnvironment): ResolvedService {
  const probes = spec.probes;
  return {
    name: spec.name,
    team: spec.team,
    tenant: spec.tenant,
    file,
    description: spec.description,
    image: imageReference(spec.image),
    containerName: spec.containerName ?? "server",
    ports: (spec.ports ?? []).map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort ?? p.port, protocol: p.protocol })),
    env: spec.env ?? [],
    resources: spec.resources ?? environment.defaults.resources,
    probes:
      probes === undefined
        ? undefined
        : {
            readiness: resolveProbe(probes.readiness),
            liveness: resolveProbe(probes.liveness),
            startup: probes.startup === undefined ? undefined : resolveProbe(probes.startup),
          },
    scaling: resolveScaling(spec, environment),
    workload: spec.workload ?? "stateless",
    storage:
      spec.storage === undefined
        ? undefined
        : { size: spec.storage.size, mountPath: spec.storage.mountPath, storageClass: spec.storage.storageClass ?? environment.cluster.storageClass },
    calls: (spec.calls ?? []).map((callee) => {
      const [tenant, service] = callee.includes("/") ? (callee.split("/") as [string, string]) : [spec.tenant, callee];
      return { tenant, service };
    }),
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
