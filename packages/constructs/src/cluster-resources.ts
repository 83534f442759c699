import type { EnvironmentModel } from "@cloudlab/model";
import type { Construct } from "constructs";
import { KubeObject } from "./kube-object.ts";
import type { ModelObject } from "./model-object.ts";
import { buildGatewayApiGateway, buildHttpsRedirectRoute, buildIngressNamespace, buildIstioIngressGateway } from "./objects/ingress-gateway.ts";
import { buildMeshPeerAuthentication } from "./objects/peer-authentication.ts";
import { CLUSTER_FOLDER, ResourceGroup } from "./resource-group.ts";

/** Props of {@link ClusterResources}. */
export interface ClusterResourcesProps {
  /** The environment with its services (edge services decide the ingress gateway). */
  readonly model: EnvironmentModel;
}

/** The platform objects of an environment that belong to no tenant. */
export function clusterObjects({ model }: ClusterResourcesProps): ModelObject[] {
  const { environment, services } = model;
  const gateway = buildGatewayApiGateway(environment, services) ?? buildIstioIngressGateway(environment, services);
  const objects: (ModelObject | undefined)[] = [
    buildMeshPeerAuthentication(),
    gateway === undefined ? undefined : buildIngressNamespace(environment),
    gateway,
    buildHttpsRedirectRoute(environment, services),
  ];
  return objects.filter((o): o is ModelObject => o !== undefined);
}

/**
 * Platform-owned objects rendered into `_cluster/`: mesh-wide mutual TLS in `istio-system` and the ingress gateway
 * with its namespace. Owned by the platform team.
 */
export class ClusterResources extends ResourceGroup {
  public constructor(scope: Construct, id: string, props: ClusterResourcesProps) {
    super(scope, id, CLUSTER_FOLDER, props.model.environment.file);
    for (const object of clusterObjects(props)) new KubeObject(this, object);
  }
}
