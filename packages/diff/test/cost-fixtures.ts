import type { EnvironmentCost, ServiceCost } from "@cloudlab/constructs";
import type { Stage } from "@cloudlab/model";

/** Monthly service costs `[atMin, atMax]` by tenant and service. */
export type ServiceFigures = Readonly<Record<string, Readonly<Record<string, readonly [number, number]>>>>;

/**
 * A hand-made EnvironmentCost (no specs, no price list): each service's figures are its compute, storage 0; the
 * platform add-ons cost 100 and the control plane 73 at min and max, so an environment's total is its services + 173.
 */
export function environmentCostOf(environment: string, stage: Stage, figures: ServiceFigures): EnvironmentCost {
  const tenants = Object.keys(figures)
    .sort()
    .map((tenant) => {
      const services: ServiceCost[] = Object.keys(figures[tenant]!)
        .sort()
        .map((service) => {
          const [atMin, atMax] = figures[tenant]![service]!;
          return { service, tenant, pods: { atMin: 1, atMax: 1 }, compute: { atMin, atMax }, storage: { atMin: 0, atMax: 0 }, total: { atMin, atMax } };
        });
      const total = services.reduce((sum, s) => ({ atMin: sum.atMin + s.total.atMin, atMax: sum.atMax + s.total.atMax }), { atMin: 0, atMax: 0 });
      return { tenant, services, total };
    });
  const services = tenants.reduce((sum, t) => ({ atMin: sum.atMin + t.total.atMin, atMax: sum.atMax + t.total.atMax }), { atMin: 0, atMax: 0 });
  return {
    environment,
    stage,
    provider: "eks",
    region: "us-west-2",
    instanceType: "m6i.xlarge",
    pricesAsOf: "2025-06-01",
    rates: { nodeHourly: 0.192, cpuCoreMonth: 31.49, memoryGiBMonth: 4.22 },
    tenants,
    platform: { atMin: 100, atMax: 100 },
    controlPlane: { atMin: 73, atMax: 73 },
    total: { atMin: services.atMin + 173, atMax: services.atMax + 173 },
    nodeGroup: { minSize: 1, maxSize: 1, cost: { atMin: 140.16, atMax: 140.16 } },
    problems: [],
  };
}
