import { isRollout } from "./resolve-delivery.ts";
import { parseQuantity } from "./quantity.ts";
import type { EnvironmentModel, ResolvedService } from "./resolved.ts";

/** What a set of pods asks for and may use: CPU in cores, memory in bytes. */
export interface CapacityFigures {
  readonly pods: number;
  readonly cpuRequests: number;
  readonly memoryRequests: number;
  readonly cpuLimits: number;
  readonly memoryLimits: number;
}

/** Figures at the fewest and the most replicas. */
export interface CapacityRange {
  readonly atMin: CapacityFigures;
  readonly atMax: CapacityFigures;
}

/** An environment's capacity, in total and per tenant (sorted by tenant). */
export interface EnvironmentCapacity extends CapacityRange {
  readonly environment: string;
  readonly tenants: readonly ({ readonly tenant: string } & CapacityRange)[];
}

const ZERO: CapacityFigures = { pods: 0, cpuRequests: 0, memoryRequests: 0, cpuLimits: 0, memoryLimits: 0 };

function add(a: CapacityFigures, b: CapacityFigures): CapacityFigures {
  return {
    pods: a.pods + b.pods,
    cpuRequests: a.cpuRequests + b.cpuRequests,
    memoryRequests: a.memoryRequests + b.memoryRequests,
    cpuLimits: a.cpuLimits + b.cpuLimits,
    memoryLimits: a.memoryLimits + b.memoryLimits,
  };
}

function podsOf(service: ResolvedService, pods: number): CapacityFigures {
  const app = service.resources;
  const proxy = service.sidecarResources;
  return {
    pods,
    cpuRequests: pods * (parseQuantity(app.requests.cpu) + parseQuantity(proxy.requests.cpu)),
    memoryRequests: pods * (parseQuantity(app.requests.memory) + parseQuantity(proxy.requests.memory)),
    cpuLimits: pods * (parseQuantity(app.limits.cpu) + parseQuantity(proxy.limits.cpu)),
    memoryLimits: pods * (parseQuantity(app.limits.memory) + parseQuantity(proxy.limits.memory)),
  };
}

/** One service's pods at its minimum and maximum replica counts, app container and Istio sidecar included. */
export function serviceCapacity(service: ResolvedService): CapacityRange {
  const scaling = service.scaling;
  // Every version runs its own workload with the service's scaling (a blue-green pair is two full-size workloads). A
  // Rollout runs one, but during a release the old and the new pods both run at full size (a canary's last step, a
  // blue-green before the old pods go), so at most it is two.
  const versions = service.versions.length;
  const min = versions * (scaling.kind === "fixed" ? scaling.replicas : scaling.minReplicas);
  const max = (isRollout(service.delivery) ? 2 : versions) * (scaling.kind === "fixed" ? scaling.replicas : scaling.maxReplicas);
  return { atMin: podsOf(service, min), atMax: podsOf(service, max) };
}

/** The capacity an environment asks for, per tenant and in total. */
export function environmentCapacity(model: EnvironmentModel): EnvironmentCapacity {
  const byTenant = new Map<string, CapacityRange>();
  for (const tenant of model.tenants) byTenant.set(tenant.name, { atMin: ZERO, atMax: ZERO });
  for (const service of model.services) {
    const current = byTenant.get(service.tenant) ?? { atMin: ZERO, atMax: ZERO };
    const own = serviceCapacity(service);
    byTenant.set(service.tenant, { atMin: add(current.atMin, own.atMin), atMax: add(current.atMax, own.atMax) });
  }
  const tenants = [...byTenant.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([tenant, range]) => ({ tenant, ...range }));
  return {
    environment: model.environment.name,
    atMin: tenants.reduce((sum, t) => add(sum, t.atMin), ZERO),
    atMax: tenants.reduce((sum, t) => add(sum, t.atMax), ZERO),
    tenants,
  };
}

/** CPU in cores as a quantity with at most three decimals, e.g. `0.25`, `9.8`, `12`. */
export function formatCpu(cores: number): string {
  return String(Math.round(cores * 1000) / 1000);
}

/** Memory in bytes as a binary quantity: Mi below 1Gi, else Gi with at most two decimals, e.g. `640Mi`, `12.64Gi`. */
export function formatMemory(bytes: number): string {
  const gibibytes = bytes / 2 ** 30;
  if (gibibytes < 1) return `${Math.round(bytes / 2 ** 20)}Mi`;
  return `${Math.round(gibibytes * 100) / 100}Gi`;
}
