import type { ResolvedService } from "@cloudlab/model";
import type { Construct } from "constructs";
import { KubeObject } from "./kube-object.ts";
import type { ModelObject } from "./model-object.ts";
import { buildDeployment } from "./objects/deployment.ts";
import { buildHorizontalPodAutoscaler } from "./objects/horizontal-pod-autoscaler.ts";
import { buildHeadlessService, buildService } from "./objects/kube-service.ts";
import { buildServiceNetworkPolicy } from "./objects/network-policy.ts";
import { buildPodDisruptionBudget } from "./objects/pod-disruption-budget.ts";
import { buildRoleBinding } from "./objects/role-binding.ts";
import { buildRole } from "./objects/role.ts";
import { buildServiceAccount } from "./objects/service-account.ts";
import { buildStatefulSet } from "./objects/stateful-set.ts";
import { ResourceGroup } from "./resource-group.ts";

/** Props of {@link ServiceResources}. */
export interface ServiceResourcesProps {
  /** The service as it runs in this environment. */
  readonly service: ResolvedService;
  /**
   * The services running in this environment that call this one.
   * @default none
   */
  readonly callers?: readonly ResolvedService[];
  /**
   * The services running in this environment that this one calls.
   * @default none
   */
  readonly callees?: readonly ResolvedService[];
}

/** The objects of one service in one environment, in the order they are built. */
export function serviceObjects(props: ServiceResourcesProps): ModelObject[] {
  const { service, callers = [], callees = [] } = props;
  const objects: (ModelObject | undefined)[] = [
    buildServiceAccount(service),
    buildRole(service),
    buildRoleBinding(service),
    ...(service.workload === "stateful" ? [buildStatefulSet(service), buildHeadlessService(service)] : [buildDeployment(service)]),
    service.ports.length > 0 ? buildService(service) : undefined,
    buildHorizontalPodAutoscaler(service),
    buildPodDisruptionBudget(service),
    buildServiceNetworkPolicy(service, callers, callees),
  ];
  return objects.filter((o): o is ModelObject => o !== undefined);
}

/** Every object of one service in one environment, rendered into `<tenant>/<service>/`. */
export class ServiceResources extends ResourceGroup {
  public constructor(scope: Construct, id: string, props: ServiceResourcesProps) {
    const service = props.service;
    super(scope, id, `${service.tenant}/${service.name}`, service.file);
    for (const object of serviceObjects(props)) new KubeObject(this, object);
  }
}
