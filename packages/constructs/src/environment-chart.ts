import type { EnvironmentModel } from "@cloudlab/model";
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { ServiceResources } from "./service-resources.ts";
import { TenantResources } from "./tenant-resources.ts";

/** Props of {@link EnvironmentChart}. */
export interface EnvironmentChartProps {
  /** The resolved environment with its tenants and services. */
  readonly model: EnvironmentModel;
}

/**
 * One environment's objects: a tenant group per tenant and a service group per service running there. Construct ids
 * are the tenant and service names, so the tree (and the output) does not depend on declaration order.
 */
export class EnvironmentChart extends Chart {
  public constructor(scope: Construct, id: string, props: EnvironmentChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    for (const tenant of props.model.tenants) {
      new TenantResources(this, `tenant-${tenant.name}`, { tenant });
    }
    for (const service of props.model.services) {
      new ServiceResources(this, `service-${service.tenant}-${service.name}`, { service });
    }
  }
}
