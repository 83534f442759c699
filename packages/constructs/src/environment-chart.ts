import type { EnvironmentModel } from "@cloudlab/model";
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { buildCallGraph } from "./call-graph.ts";
import { ENVIRONMENT_UNIT, serviceUnit } from "./resource-group.ts";
import { InfraResources } from "./cluster-definition/infra-resources.ts";
import { ClusterResources } from "./cluster-resources.ts";
import { DeliveryResources } from "./delivery-resources.ts";
import { ServiceResources } from "./service-resources.ts";
import { TenantResources } from "./tenant-resources.ts";

/** Props of {@link EnvironmentChart}. */
export interface EnvironmentChartProps {
  /** The resolved environment with its tenants and services. */
  readonly model: EnvironmentModel;
  /**
   * Build only these render units: a service's folder (`<tenant>/<service>`, see {@link serviceUnit}) or
   * {@link ENVIRONMENT_UNIT} for every object that is no service's. An incremental render takes the others from its
   * cache.
   * @default every unit
   */
  readonly units?: ReadonlySet<string>;
}

/**
 * One environment's objects: a tenant group per tenant and a service group per service running there. Construct ids
 * are the tenant and service names, so the tree (and the output) does not depend on declaration order. A service's id
 * joins tenant and name with `.`, which no DNS label contains: with `-`, `a-b/c` and `a/b-c` would clash.
 */
export class EnvironmentChart extends Chart {
  public constructor(scope: Construct, id: string, props: EnvironmentChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const { environment, tenants, services } = props.model;
    const builds = (unit: string) => props.units === undefined || props.units.has(unit);
    if (builds(ENVIRONMENT_UNIT)) {
      for (const tenant of tenants) {
        new TenantResources(this, `tenant-${tenant.name}`, { tenant, environment });
      }
      new ClusterResources(this, "cluster", { model: props.model });
      new DeliveryResources(this, "delivery", { model: props.model });
      new InfraResources(this, "infra", { model: props.model });
    }
    const graph = buildCallGraph(services);
    const accounts = new Map(services.map((s) => [`${s.tenant}/${s.name}`, s.serviceAccountName]));
    const serviceAccountOf = (tenant: string, name: string) => accounts.get(`${tenant}/${name}`) ?? name;
    for (const service of services) {
      if (!builds(serviceUnit(service))) continue;
      new ServiceResources(this, `service-${service.tenant}.${service.name}`, {
        service,
        environment,
        callers: graph.callers(service),
        callees: graph.callees(service),
        serviceAccountOf,
      });
    }
  }
}
