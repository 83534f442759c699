import type { ResolvedEnvironment, ResolvedService } from "@cloudlab/model";
import type { Construct } from "constructs";
import { KubeObject } from "./kube-object.ts";
import type { ModelObject } from "./model-object.ts";
import { buildServiceAuthorizationPolicy } from "./objects/authorization-policy.ts";
import { buildAnalysisTemplate } from "./objects/analysis-template.ts";
import { buildDeployment } from "./objects/deployment.ts";
import { buildDestinationRule } from "./objects/destination-rule.ts";
import { buildHttpRoute, routesVersionsAtGateway } from "./objects/ingress-gateway.ts";
import { buildHorizontalPodAutoscaler } from "./objects/horizontal-pod-autoscaler.ts";
import { buildHeadlessService, buildPreviewService, buildService, buildVersionService } from "./objects/kube-service.ts";
import { buildServiceNetworkPolicy } from "./objects/network-policy.ts";
import { buildPodDisruptionBudget } from "./objects/pod-disruption-budget.ts";
import { buildRoleBinding } from "./objects/role-binding.ts";
import { buildRole } from "./objects/role.ts";
import { buildRollout } from "./objects/rollout.ts";
import { buildServiceAccount } from "./objects/service-account.ts";
import { buildEgressServiceEntries } from "./objects/service-entry.ts";
import { buildSidecar } from "./objects/sidecar.ts";
import { buildStatefulSet } from "./objects/stateful-set.ts";
import { buildServiceTelemetry } from "./objects/telemetry.ts";
import { buildIngressVirtualService, buildVirtualService } from "./objects/virtual-service.ts";
import { ResourceGroup, serviceUnit } from "./resource-group.ts";
import { serviceObservabilityObjects } from "./observability/observability-objects.ts";
import { serviceExternalSecrets } from "./secrets/tenant-secret-objects.ts";

/** Props of {@link ServiceResources}. */
export interface ServiceResourcesProps {
  /** The service as it runs in this environment. */
  readonly service: ResolvedService;
  /** The environment (its mesh settings: ingress, tracing). */
  readonly environment: ResolvedEnvironment;
  /**
   * The ServiceAccount name of a service running in this environment, by tenant and name (for principals).
   * @default the service's name
   */
  readonly serviceAccountOf?: (tenant: string, service: string) => string;
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
  const { service, environment, callers = [], callees = [] } = props;
  const serviceAccountOf = props.serviceAccountOf ?? ((_tenant: string, name: string) => name);
  const workloads = service.versions.flatMap((version): (ModelObject | undefined)[] =>
    service.workload === "stateful"
      ? [buildStatefulSet(service, version), buildPodDisruptionBudget(service, version)]
      : [
          service.delivery.strategy === "weights" ? buildDeployment(service, version) : buildRollout(service, environment, version),
          buildHorizontalPodAutoscaler(service, version),
          buildPodDisruptionBudget(service, version),
        ],
  );
  const objects: (ModelObject | undefined)[] = [
    buildServiceAccount(service),
    ...serviceExternalSecrets(service, environment),
    buildRole(service),
    buildRoleBinding(service),
    ...workloads,
    service.workload === "stateful" ? buildHeadlessService(service) : undefined,
    service.ports.length > 0 ? buildService(service) : undefined,
    buildPreviewService(service),
    buildAnalysisTemplate(service),
    ...(routesVersionsAtGateway(service, environment) ? service.versions.map((v) => buildVersionService(service, v)) : []),
    buildServiceNetworkPolicy(service, callers, callees, environment.mesh.ingress.namespace),
    service.ports.length > 0 ? buildDestinationRule(service, environment) : undefined,
    buildVirtualService(service),
    buildServiceAuthorizationPolicy(service, environment, serviceAccountOf),
    buildSidecar(service, callees),
    ...buildEgressServiceEntries(service),
    buildServiceTelemetry(service, environment),
    buildHttpRoute(service, environment),
    buildIngressVirtualService(service, environment),
    ...serviceObservabilityObjects(service, environment),
  ];
  return objects.filter((o): o is ModelObject => o !== undefined);
}

/** Every object of one service in one environment, rendered into `<tenant>/<service>/`. */
export class ServiceResources extends ResourceGroup {
  public constructor(scope: Construct, id: string, props: ServiceResourcesProps) {
    const service = props.service;
    super(scope, id, serviceUnit(service), service.file);
    for (const object of serviceObjects(props)) new KubeObject(this, object);
  }
}
