import type { ResolvedService } from "@cloudlab/model";

/** Who calls whom among the services running in one environment. */
export interface CallGraph {
  /** The services that call `service`, sorted by tenant and name. */
  callers(service: ResolvedService): readonly ResolvedService[];
  /** The services `service` calls that run here, sorted by tenant and name. */
  callees(service: ResolvedService): readonly ResolvedService[];
}

const key = (tenant: string, name: string) => `${tenant}/${name}`;

/** Indexes the declared `calls` of the services running in an environment (callees not running here are left out). */
export function buildCallGraph(services: readonly ResolvedService[]): CallGraph {
  const byKey = new Map(services.map((s) => [key(s.tenant, s.name), s]));
  const callers = new Map<string, ResolvedService[]>();
  const callees = new Map<string, ResolvedService[]>();
  const order = (a: ResolvedService, b: ResolvedService) => key(a.tenant, a.name).localeCompare(key(b.tenant, b.name), "en");
  for (const service of services) {
    const own: ResolvedService[] = [];
    for (const call of service.calls) {
      const callee = byKey.get(key(call.tenant, call.service));
      if (callee === undefined) continue;
      own.push(callee);
      const list = callers.get(key(callee.tenant, callee.name)) ?? [];
      list.push(service);
      callers.set(key(callee.tenant, callee.name), list);
    }
    callees.set(key(service.tenant, service.name), own.sort(order));
  }
  for (const list of callers.values()) list.sort(order);
  return {
    callers: (s) => callers.get(key(s.tenant, s.name)) ?? [],
    callees: (s) => callees.get(key(s.tenant, s.name)) ?? [],
  };
}
